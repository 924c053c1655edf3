import { CATALOG } from '../../src/catalog/catalog';
import { JOBBER_READ_SCOPES, deploymentIdOf, lookerStudioLink } from '../../src/setup/jobber-app';

describe('what the owner registers in Jobber', () => {
  it('names a read scope for every object of the catalog, each object once', () => {
    const covered = JOBBER_READ_SCOPES.flatMap((scope) => scope.objects);
    expect([...covered].sort()).toEqual(CATALOG.map((object) => object.id).sort());
  });

  it('links Looker Studio to a deployment and finds the deployment in a web app URL', () => {
    expect(lookerStudioLink('AKfy_x-1')).toBe(
      'https://lookerstudio.google.com/datasources/create?connectorId=AKfy_x-1',
    );
    expect(deploymentIdOf('https://script.google.com/macros/s/AKfy_x-1/exec')).toBe('AKfy_x-1');
    expect(deploymentIdOf('https://script.google.com/macros/s/AKfy_x-1/dev')).toBeNull();
  });
});
