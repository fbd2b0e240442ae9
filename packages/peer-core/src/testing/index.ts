export {
  FakePeerClient,
  type FakePeerClientOptions,
  type FakeRemotePeer,
} from './fake-peer-client.js';
export { MemoryProfileStore } from './memory-profile-store.js';
export { fakeHash, sampleFile, sampleFiles } from './sample-files.js';
export { advanceTransfer, isMoving } from './advance-transfer.js';
