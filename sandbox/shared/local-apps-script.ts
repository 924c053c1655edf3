/**
 * Identity of the local Apps Script project the runtime emulates. The sandbox's demo Jobber app
 * registers its OAuth callback by default, as a real Jobber app registers the script's callback.
 */
export const LOCAL_SCRIPT_ID = 'local-jobber-connector-script';

export const LOCAL_REDIRECT_URI = `https://script.google.com/macros/d/${LOCAL_SCRIPT_ID}/usercallback`;
