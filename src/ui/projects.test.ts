import { describe, expect, it } from 'vitest';
import { projectFromSearch, projectHref, projectQuery } from './projects.ts';

describe('projectFromSearch', () => {
  it('opens the NSW project when the address names none, so old links open what they did', () => {
    expect(projectFromSearch('').project.id).toBe('nsw');
    expect(projectFromSearch('?data=live').project.id).toBe('nsw');
  });

  it('opens the project the address names', () => {
    expect(projectFromSearch('?project=edtech').project.id).toBe('edtech');
    expect(projectFromSearch('?data=sample&project=nsw').project.id).toBe('nsw');
  });

  it('opens the default and says which name it did not know', () => {
    expect(projectFromSearch('?project=jaffle')).toEqual({
      project: expect.objectContaining({ id: 'nsw' }),
      unknown: 'jaffle',
    });
  });
});

describe('projectHref', () => {
  it('sets the project, keeps the other parameters and the app page', () => {
    expect(projectHref({ id: 'edtech', pathname: '/app/', search: '?data=sample', view: 'workbench' })).toBe(
      '/app/?data=sample&project=edtech#/workbench',
    );
  });

  it('drops the parameter for the default project and opens its landing page', () => {
    expect(projectHref({ id: 'nsw', pathname: '/', search: '?project=edtech' })).toBe('/#/');
  });

  it('round-trips through projectFromSearch', () => {
    const href = projectHref({ id: 'edtech', pathname: '/', search: '' });
    expect(projectFromSearch(new URL(href, 'https://x.org').search).project.id).toBe('edtech');
  });
});

describe('projectQuery', () => {
  it('names a project in a shared link, and nothing for the default', () => {
    expect(projectQuery('edtech')).toBe('?project=edtech');
    expect(projectQuery('nsw')).toBe('');
  });
});
