/** The owner's setup page (the script's web app): what the composition root wires. */
export { createSetupPage, type SetupPage } from './page';
