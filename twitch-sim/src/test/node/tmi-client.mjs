// Drives tmi.js against the simulator. Prints one JSON line per event to stdout:
// {"joined":"#chan"}, {"sent":true}, {"message":{...}}. Anonymous unless a token is given.
// usage: node tmi-client.mjs <port> <channel> <messagesToReceive> [login token]
import tmi from 'tmi.js';

const [port, channel, wanted, login, token] = process.argv.slice(2);
const print = (event) => console.log(JSON.stringify(event));
const quiet = { info() {}, warn() {}, error() {}, setLevel() {}, getLevel() { return 'error'; } };

const client = new tmi.Client({
  connection: { server: '127.0.0.1', port: Number(port), secure: false, reconnect: false },
  options: { skipUpdatingEmotesets: true, skipMembership: true },
  identity: token ? { username: login, password: `oauth:${token}` } : undefined,
  channels: [channel],
  logger: quiet,
});

let received = 0;
client.on('join', (joined, user, self) => {
  if (self) print({ joined });
});
client.on('message', (where, tags, message, self) => {
  if (self) return;
  print({ message: { channel: where, user: tags.username, displayName: tags['display-name'], color: tags.color,
    emotes: tags.emotes, badges: tags.badges, id: tags.id, roomId: tags['room-id'], text: message } });
  if (++received >= Number(wanted)) process.exit(0);
});

setTimeout(() => process.exit(2), 30000);
await client.connect();
if (token) {
  await new Promise((resolve) => client.once('join', resolve));
  await client.say(channel, 'hello from tmi.js Kappa');
  print({ sent: true });
  if (Number(wanted) === 0) process.exit(0);
}
