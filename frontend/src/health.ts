/** The parts of Spring Boot's /actuator/health answer that the dashboard shows. */
export interface HealthDocument {
  status: string;
  components?: Record<string, { status: string; details?: Record<string, unknown> }>;
}

export interface PartStatus {
  key: string;
  label: string;
  up: boolean;
  summary: string;
}

const PARTS: { key: string; label: string }[] = [
  { key: 'db', label: 'PostgreSQL' },
  { key: 'kafka', label: 'Kafka' },
  { key: 'eventProcessors', label: 'Event processors' },
  { key: 'chatStream', label: 'Chat analytics' },
  { key: 'connections', label: 'Connections' },
  { key: 'twitchChat', label: 'Twitch chat' },
];

interface ProcessorDetail {
  running: boolean;
  replaying: boolean;
  error: boolean;
  lag?: number | null;
  deadLetters: number;
}

function describeProcessors(details: Record<string, unknown>): string {
  const processors = Object.entries(details) as [string, ProcessorDetail][];
  if (processors.length === 0) return 'none';
  return processors
    .map(([name, p]) => {
      const state = p.error ? 'failing' : !p.running ? 'stopped' : p.replaying ? 'replaying' : 'running';
      const lag = p.lag == null ? '' : p.lag === 0 ? ', up to date' : `, ${p.lag} events behind`;
      const dead = p.deadLetters > 0 ? `, ${p.deadLetters} dead letters` : '';
      return `${name}: ${state}${lag}${dead}`;
    })
    .join('; ');
}

function describeChatConnections(details: Record<string, unknown>): string {
  const connections = (details.connections ?? []) as { state: string; channels: number }[];
  if (connections.length === 0) return 'no channels joined';
  const connected = connections.filter((c) => c.state === 'CONNECTED').length;
  const channels = connections.reduce((sum, c) => sum + c.channels, 0);
  return `${connected} of ${connections.length} connected, ${channels} ${channels === 1 ? 'channel' : 'channels'}`;
}

function describe(key: string, details: Record<string, unknown> | undefined): string {
  if (!details) return '';
  if (key === 'db') return 'connected';
  if (key === 'kafka') {
    const brokers = Number(details.brokers ?? 0);
    return `${brokers} ${brokers === 1 ? 'broker' : 'brokers'}`;
  }
  if (key === 'eventProcessors') return describeProcessors(details);
  if (key === 'chatStream') return String(details.state ?? '').toLowerCase().replace('_', ' ');
  if (key === 'twitchChat') return describeChatConnections(details);
  if (key === 'connections') {
    const sockets = `${String(details.webSockets)} of ${String(details.webSocketCap)} WebSockets`;
    const files = `${String(details.openFiles)} of ${String(details.fileLimit)} files open`;
    return `${sockets}, ${files}${details.full === true ? ': full, new WebSockets refused' : ''}`;
  }
  return '';
}

/** One line per infrastructure part, in a fixed order; a part missing from the answer counts as down. */
export function summarize(health: HealthDocument): PartStatus[] {
  return PARTS.map(({ key, label }) => {
    const component = health.components?.[key];
    if (!component) return { key, label, up: false, summary: 'not reported' };
    return { key, label, up: component.status === 'UP', summary: describe(key, component.details) };
  });
}
