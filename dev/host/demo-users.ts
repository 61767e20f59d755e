/** A person the host page can act as. The simulated site provides them; a real site has only the token owner. */
export interface HostUser {
  accountId: string;
  displayName: string;
  role: string;
}
