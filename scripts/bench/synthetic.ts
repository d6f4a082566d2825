/**
 * A large spec made for scale: `paths` paths, each with one GET that breaks several house rules
 * (integer ids, a number amount, no security, no 4xx), so a lint run reports about twelve findings
 * per path and every one of them needs a line number. Shared by bench:lint and the security test.
 */
export function syntheticSpec(paths: number): string {
  const parts = ['openapi: 3.1.0\ninfo:\n  title: Synthetic\n  version: 1.0.0\npaths:\n'];
  for (let i = 0; i < paths; i++) {
    parts.push(
      `  /v1/items-${i}/{item_id}:
    get:
      operationId: getItem${i}
      parameters:
        - name: item_id
          in: path
          required: true
          schema: { type: integer }
      responses:
        "200":
          description: The item.
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: { type: integer }
                  amount: { type: number }
`,
    );
  }
  return parts.join('');
}
