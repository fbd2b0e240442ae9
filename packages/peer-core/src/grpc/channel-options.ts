import type { ChannelOptions } from '@grpc/grpc-js';
import { PIECE_SIZE } from '../share/pieces.js';

/**
 * Largest `Chunk.data` a server sends: a quarter piece. Smaller messages
 * leave the downloader's network buffers short-lived: gRPC reads up to 16
 * messages ahead, and 1 MiB messages often outlived two young collections,
 * so V8 promoted them and soon ran a full collection (`--trace-gc` of a
 * 1 GiB download: ~36 full collections with 1 MiB chunks, ~9 with 256 KiB;
 * 128 KiB was no faster).
 */
export const MAX_CHUNK_BYTES = PIECE_SIZE / 4;

/**
 * A manifest holds 32 bytes per MiB of file: 16 MiB covers files of
 * about 500 GiB. Nothing else a peer sends is larger.
 */
export const MAX_RESPONSE_MESSAGE_BYTES = 16 * 1024 * 1024;

/** Requests are a hash and two numbers; anything bigger is hostile. */
export const MAX_REQUEST_MESSAGE_BYTES = 16 * 1024;

/**
 * Client channel options. The 4 MiB HTTP/2 receive window lifted
 * gRPC-to-disk throughput by up to a third over the 64 KiB default here
 * (MEASUREMENTS.md); bigger windows were slower.
 */
export const CLIENT_CHANNEL_OPTIONS: ChannelOptions = {
  'grpc-node.flow_control_window': 4 * 1024 * 1024,
  'grpc.max_receive_message_length': MAX_RESPONSE_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_REQUEST_MESSAGE_BYTES,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 0,
};

/**
 * Server options: small requests only, responses up to a manifest, and
 * keepalive pings so a frozen client's connection (and its upload slot)
 * is dropped within about 40 seconds.
 */
export const SERVER_OPTIONS: ChannelOptions = {
  'grpc.max_receive_message_length': MAX_REQUEST_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_RESPONSE_MESSAGE_BYTES,
  'grpc.keepalive_time_ms': 30_000,
  'grpc.keepalive_timeout_ms': 10_000,
  'grpc.keepalive_permit_without_calls': 1,
  'grpc.http2.min_ping_interval_without_data_ms': 10_000,
  'grpc.max_concurrent_streams': 64,
};
