export default async function globalTeardown(): Promise<void> {
  await globalThis.__ROLLOUT_TEST_DB__?.dispose();
}
