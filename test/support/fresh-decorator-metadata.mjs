// The Jest global setup loads the entities (to migrate the run's database) in the main process,
// and Jest lets that process's globals show through into each test file's context. NestJS GraphQL
// and TypeORM keep their decorator metadata in such globals, so a test file would inherit classes
// from other module registries. Each test file starts with empty stores instead.
for (const key of ['GqlTypeMetadataStorage', 'GqlLazyMetadataStorageHost', 'typeormMetadataArgsStorage']) {
  delete globalThis[key];
}
