/** `loyalty-points` → `LoyaltyPoints`: the domain as a type and function name in generated code and templates. */
export function pascalCase(domain: string): string {
  return domain
    .split('-')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('');
}
