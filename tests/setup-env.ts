// Tests never read the developer's .env or a DATABASE_URL pointing elsewhere:
// every database they touch is made by tests/helpers/database.ts.
delete process.env.DATABASE_URL;
process.env.NEXTAUTH_SECRET = "test-secret-test-secret-test-secret-1234";
