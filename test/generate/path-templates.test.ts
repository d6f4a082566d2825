/** Path templates the generated server cannot route are refused at generation (#14, bad input). */
import { describe, expect, it } from 'vitest';
import { pathTemplateProblem } from '../../scripts/generate/pipeline.ts';

describe('pathTemplateProblem', () => {
  it('accepts what OpenAPI allows, however unusual', () => {
    for (const path of ['/', '/v1/{name}:cancel', '/teams/{team-id}', '/files/{id}.json', '/report{.format}', '/odd/(x)!', '/a/{b}/c/{d}'])
      expect(pathTemplateProblem(path), path).toBeUndefined();
  });

  it('names what makes a template unservable', () => {
    expect(pathTemplateProblem('v1/things')).toBe('a path must start with /');
    expect(pathTemplateProblem('/a/{b')).toBe('its braces do not pair up into {name} expressions');
    expect(pathTemplateProblem('/a/b}')).toBe('its braces do not pair up into {name} expressions');
    expect(pathTemplateProblem('/a/{{b}}')).toBe('its braces do not pair up into {name} expressions');
    expect(pathTemplateProblem('/a/{}')).toBe('a template expression is empty or holds a /');
    expect(pathTemplateProblem('/a/{b}/{b}')).toBe('the template names {b} twice');
    expect(pathTemplateProblem('/a/{b}{c}')).toBe('two template expressions touch, so no value can tell where one ends');
  });
});
