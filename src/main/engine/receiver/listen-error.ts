// Turns a failed listen() into one line a person can act on.
export function describeListenError(error: NodeJS.ErrnoException, host: string, port: number): string {
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} on ${host} is in use`;
    case 'EACCES':
      return `port ${port} on ${host} needs more privileges than this process has`;
    case 'EADDRNOTAVAIL':
      return `${host} is not an address of this machine`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${host} could not be resolved`;
    default:
      return `could not listen on ${host}:${port}: ${error.message}`;
  }
}
