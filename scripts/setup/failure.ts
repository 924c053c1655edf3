/** A step that could not finish: which step, why, and what the user does next. */
export class SetupFailure extends Error {
  override readonly name = 'SetupFailure';
  constructor(
    readonly step: StepName,
    readonly problem: string,
    readonly next: string,
    /** Output of the tool that failed, shown below (already trimmed). */
    readonly details: string = '',
  ) {
    super(`${step}: ${problem}`);
  }
}

/** Bad flags: nothing was tried. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const STEPS = [
  'Google login',
  'Apps Script project',
  'Build',
  'Push',
  'Version',
  'Deployment',
] as const;
export type StepName = (typeof STEPS)[number];

export function stepLabel(step: StepName): string {
  return `[${STEPS.indexOf(step) + 1}/${STEPS.length}] ${step}`;
}

/** `remembered`: whether the project file exists, i.e. whether anything is there to resume. */
export function failureText(failure: SetupFailure, projectFileName: string, remembered: boolean): string[] {
  return [
    '',
    `Setup stopped at step ${STEPS.indexOf(failure.step) + 1} of ${STEPS.length}, ${failure.step}.`,
    `  Cause: ${failure.problem}`,
    `  Next:  ${failure.next}`,
    ...(failure.details ? ['', ...failure.details.split('\n').map((line) => `  | ${line}`)] : []),
    '',
    remembered
      ? `What is done is remembered in ${projectFileName}: running npm run setup again continues from there.`
      : 'Nothing was changed.',
  ];
}
