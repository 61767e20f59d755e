/** The bundler's `?worker` imports: a constructor of the module as a web worker. */
declare module '*?worker' {
  const WorkerScript: new () => Worker;
  export default WorkerScript;
}
