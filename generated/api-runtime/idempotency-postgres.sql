-- Idempotency keys of the generated servers (PostgresIdempotencyStore). Safe to run again.
-- scope: operation, principal and key as the server builds them; one row per claimed key.
CREATE TABLE IF NOT EXISTS apis_idempotency_keys (
  scope        text        PRIMARY KEY,
  fingerprint  text        NOT NULL,              -- method, path and canonical body of the first request
  owner        uuid,                              -- the claim in flight; NULL once the response is stored
  locked_until timestamptz,                       -- after this a crashed claim may be taken over
  response     json,                              -- {status, headers, body} as sent (json keeps the bytes; jsonb would reorder keys)
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS apis_idempotency_keys_expires_at ON apis_idempotency_keys (expires_at);
