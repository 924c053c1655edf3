/** The entry points' error boundary: what src/main.ts calls. */
export { runEntryPoint, runEntryPointOr } from './boundary';
