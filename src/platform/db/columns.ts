import { customType } from 'drizzle-orm/pg-core';

/** Binary content; PGlite gives a Uint8Array and pg a Buffer: both become a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => Buffer.from(value),
});
