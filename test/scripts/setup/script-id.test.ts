import { parseScriptId } from '../../../scripts/setup/script-id';

const ID = '1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-aBcDeFgHiJkLmNoPq';

describe('a script id, typed or pasted', () => {
  it.each([
    ID,
    ` ${ID}\n`,
    `https://script.google.com/home/projects/${ID}/edit`,
    `https://script.google.com/home/projects/${ID}/edit?hl=en#`,
    `https://script.google.com/u/1/home/projects/${ID}/settings`,
    `https://script.google.com/home/projects/${ID}`,
    `https://script.google.com/d/${ID}/edit`,
    `https://script.google.com/u/0/d/${ID}/edit?usp=sharing`,
  ])('accepts %s', (input) => {
    expect(parseScriptId(input)).toEqual({ scriptId: ID });
  });

  it.each([
    ['', 'Nothing was given.'],
    ['abc', 'That (abc) is 3 characters long; Apps Script ids are about 57.'],
    ['1AbC dEf GhI jKl MnO pQr StU', 'has characters an Apps Script id never has'],
    [`https://script.google.com/macros/s/AKfycb${ID}/exec`, 'That is a deployment URL'],
    [`https://script.google.com/macros/d/${ID}/usercallback`, "That is the script's OAuth callback URL"],
    [`https://docs.google.com/spreadsheets/d/${ID}/edit`, 'That is a Google Drive or Docs link.'],
    [`https://drive.google.com/file/d/${ID}/view`, 'That is a Google Drive or Docs link.'],
    [
      `https://example.com/home/projects/${ID}/edit`,
      'That is a link to example.com, not to the Apps Script editor.',
    ],
    [`http://script.google.com/home/projects/${ID}/edit`, 'not to the Apps Script editor'],
    ['https://script.google.com/home/my', 'That script.google.com page does not name a project.'],
    ['https://script.google.com/home/projects/short/edit', 'The id in that URL (short) is 5 characters long'],
  ])('refuses %j, saying why and where to find the id', (input, reason) => {
    const result = parseScriptId(input);
    expect('problem' in result && result.problem).toContain(reason);
    expect('problem' in result && result.problem).toContain('Project Settings');
  });
});
