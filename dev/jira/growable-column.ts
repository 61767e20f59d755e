/**
 * Typed arrays that grow by doubling. The issue store keeps hundreds of thousands of issues and millions
 * of history entries; plain JS objects would cost tens of bytes per field, typed columns four or eight.
 *
 * There are exactly two element types, each with its own class, on purpose: one generic class over several
 * typed-array kinds makes every `push` polymorphic in V8 and the generator several times slower.
 */
export class Float64Column {
  private buffer: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Float64Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): number {
    if (this.size === this.buffer.length) {
      const next = new Float64Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.size] = value;
    return this.size++;
  }

  get(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    return this.buffer[index] as number;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    this.buffer[index] = value;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }
}

export class Int32Column {
  private buffer: Int32Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.buffer = new Int32Array(Math.max(16, initialCapacity));
  }

  get length(): number {
    return this.size;
  }

  push(value: number): number {
    if (this.size === this.buffer.length) {
      const next = new Int32Array(this.buffer.length * 2);
      next.set(this.buffer);
      this.buffer = next;
    }
    this.buffer[this.size] = value;
    return this.size++;
  }

  get(index: number): number {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    return this.buffer[index] as number;
  }

  set(index: number, value: number): void {
    if (index < 0 || index >= this.size) throw new RangeError(`column index ${index} out of ${this.size}`);
    this.buffer[index] = value;
  }

  get bytes(): number {
    return this.buffer.byteLength;
  }
}
