// Original file: ../../proto/ferry/v1/peer.proto

export interface GetManifestRequest {
  sha256?: string;
}

export interface GetManifestRequest__Output {
  sha256: string;
}
