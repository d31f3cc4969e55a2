// A producer and a consumer written as a JavaScript team would write them, with Confluent's own Schema Registry
// client and Avro serdes (@confluentinc/schemaregistry) and kafkajs: an independent check that callscribe's topics,
// registry and wire format work with Confluent's code. Used by the it-tests' SharedEmbeddedStackTest.
//
//   node confluent-serde.mjs produce BOOTSTRAP REGISTRY TOPIC CALL_ID WAV_FILE
//       publishes a WAV recording as a call's AudioChunks (one second each), written with the latest registered
//       schema (use.latest.version, no auto-registration); prints {"chunks": N}
//   node confluent-serde.mjs await-final BOOTSTRAP REGISTRY TOPIC CALL_ID TIMEOUT_MS
//       reads transcripts (read_committed) until the call's combined FINAL; prints {"text": ..., "segments": N}
//   node confluent-serde.mjs register-inferred REGISTRY TOPIC
//       serializes a plain object with the serializer's defaults, which registers a schema inferred from it;
//       prints {"registered": true} or exits 1 with the registry's refusal
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType } from '@confluentinc/schemaregistry';

const CHUNK_SECONDS = 1;

function registryClient(url) {
  return new SchemaRegistryClient({ baseURLs: [url] });
}

function kafka(bootstrap) {
  return new Kafka({ clientId: 'callscribe-it-js', brokers: [bootstrap], logLevel: logLevel.ERROR });
}

/** The format and the sample bytes of a PCM or G.711 WAV file. */
function readWav(file) {
  const bytes = readFileSync(file);
  let offset = 12;
  let format;
  while (offset + 8 <= bytes.length) {
    const id = bytes.toString('ascii', offset, offset + 4);
    const size = bytes.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      format = {
        code: bytes.readUInt16LE(offset + 8),
        channels: bytes.readUInt16LE(offset + 10),
        rate: bytes.readUInt32LE(offset + 12),
        blockAlign: bytes.readUInt16LE(offset + 20),
      };
    } else if (id === 'data') {
      return { ...format, data: bytes.subarray(offset + 8, offset + 8 + size) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

const ENCODINGS = { 1: 'PCM_S16LE', 3: 'FLOAT32LE', 6: 'ALAW', 7: 'MULAW' };

async function produce(bootstrap, registry, topic, callId, file) {
  const wav = readWav(file);
  const serializer = new AvroSerializer(registryClient(registry), SerdeType.VALUE,
    { useLatestVersion: true, autoRegisterSchemas: false });
  const framesPerChunk = wav.rate * CHUNK_SECONDS;
  const bytesPerChunk = framesPerChunk * wav.blockAlign;
  const messages = [];
  for (let seq = 0; seq * bytesPerChunk < wav.data.length; seq++) {
    const payload = wav.data.subarray(seq * bytesPerChunk, (seq + 1) * bytesPerChunk);
    const chunk = {
      callId, seq, encoding: ENCODINGS[wav.code], sampleRateHz: wav.rate, channels: wav.channels, payload,
      offsetFrames: seq * framesPerChunk, last: (seq + 1) * bytesPerChunk >= wav.data.length,
      capturedAt: Date.now(), speakers: ['agent', 'customer'], metadata: null,
    };
    messages.push({ key: callId, value: await serializer.serialize(topic, chunk) });
  }
  const producer = kafka(bootstrap).producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  await producer.send({ topic, acks: -1, messages });
  await producer.disconnect();
  console.log(JSON.stringify({ chunks: messages.length }));
}

async function awaitFinal(bootstrap, registry, topic, callId, timeoutMs) {
  const deserializer = new AvroDeserializer(registryClient(registry), SerdeType.VALUE, {});
  const consumer = kafka(bootstrap).consumer({ groupId: `callscribe-it-js-${callId}`, readUncommitted: false });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const found = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() !== callId) {
          return;
        }
        const transcript = await deserializer.deserialize(topic, message.value);
        if (transcript.kind === 'FINAL' && transcript.channel === null) {
          resolve(transcript);
        }
      },
    });
  });
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(
    `no combined FINAL of ${callId} on ${topic} within ${timeoutMs} ms`)), Number(timeoutMs)));
  try {
    const transcript = await Promise.race([found, timeout]);
    console.log(JSON.stringify({ text: transcript.text, segments: transcript.segments.length }));
  } finally {
    await consumer.disconnect();
  }
}

async function registerInferred(registry, topic) {
  const serializer = new AvroSerializer(registryClient(registry), SerdeType.VALUE, { autoRegisterSchemas: true });
  await serializer.serialize(topic, { callId: 'inferred-1', seq: 1 });
  console.log(JSON.stringify({ registered: true }));
}

const [command, ...args] = process.argv.slice(2);
const commands = { produce, 'await-final': awaitFinal, 'register-inferred': registerInferred };
if (!commands[command]) {
  console.error(`unknown command ${command}; expected one of ${Object.keys(commands).join(', ')}`);
  process.exit(2);
}
commands[command](...args).then(() => process.exit(0), (error) => {
  console.error(error?.stack ?? String(error));
  process.exit(1);
});
