import { DEFAULT_TITLE, parseSetupArgs } from '../../../scripts/setup/args';

const ID = `1${'a'.repeat(56)}`;

describe('npm run setup flags', () => {
  it('defaults to asking (or, without a terminal, to needing a flag)', () => {
    expect(parseSetupArgs([])).toEqual({
      create: false,
      title: DEFAULT_TITLE,
      newDeployment: false,
      yes: false,
      skipBuild: false,
      help: false,
    });
  });

  it('takes the project as --script-id or as a lone argument, id or editor URL', () => {
    expect(parseSetupArgs(['--script-id', ID]).scriptId).toBe(ID);
    expect(parseSetupArgs([`https://script.google.com/home/projects/${ID}/edit`]).scriptId).toBe(ID);
  });

  it('reads the other flags', () => {
    expect(
      parseSetupArgs([
        '--create',
        '--title',
        'Reports',
        '-y',
        '--skip-build',
        '--description',
        'v2',
        '--new-deployment',
      ]),
    ).toMatchObject({
      create: true,
      title: 'Reports',
      yes: true,
      skipBuild: true,
      description: 'v2',
      newDeployment: true,
    });
    expect(parseSetupArgs(['--deployment-id', ' AKfyc1 ']).deploymentId).toBe('AKfyc1');
  });

  it.each([
    [['--create', ID], 'Choose one: --create or --script-id.'],
    [['--deployment-id', 'x', '--new-deployment'], 'Choose one: --deployment-id or --new-deployment.'],
    [['--script-id', ID, ID], 'Give the project once'],
    [['--sript-id', ID], "Unknown option '--sript-id'"],
    [['--script-id', 'nope'], 'That (nope) is 4 characters long'],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSetupArgs(argv)).toThrow(message);
  });
});
