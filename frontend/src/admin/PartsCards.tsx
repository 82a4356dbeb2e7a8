import { usePolled } from '../refresh';
import { ScrollingTable } from './ScrollingTable';
import { bytes, keeping, type ChatLoad, type Group, type Node, type Part, type TopicState } from './operations';

const REFRESH_MS = 3000;

export function NodeCard() {
  const { data: node } = usePolled<Node>('/api/admin/node', REFRESH_MS);
  if (!node) return null;
  return (
    <section className="card" aria-labelledby="node-heading">
      <h2 id="node-heading">Nodes</h2>
      <p data-testid="node">
        This page is served by <strong>{node.name}</strong>,{' '}
        {node.nodes === 1 ? 'the only live node' : `one of ${node.nodes} live nodes`}.{' '}
        {node.claims.includes('stream watching') ? 'It watches streams for the deployment' : 'Another node watches streams'}
        {' '}and reads {node.claims.filter((claim) => claim.startsWith('chat:')).length} Twitch chats.
      </p>
    </section>
  );
}

export function InfrastructureCard() {
  const { data: parts } = usePolled<Part[]>('/api/admin/infrastructure', REFRESH_MS);
  if (!parts || parts.length === 0) return null;
  return (
    <section className="card" aria-labelledby="infrastructure-heading">
      <h2 id="infrastructure-heading">Infrastructure</h2>
      <ul data-testid="infrastructure">
        {parts.map((part) => (
          <li key={part.name}>
            <strong>{part.name}</strong>: {part.embedded ? 'embedded' : 'external'} ({part.where})
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ChatConnectionsCard() {
  const { data: chat } = usePolled<ChatLoad>('/api/admin/chat', REFRESH_MS);
  if (!chat) return null;
  return (
    <section className="card" aria-labelledby="chat-heading">
      <h2 id="chat-heading">Twitch chat connections of this node</h2>
      <p data-testid="chat-load">
        {chat.channelsPerConnection.reduce((sum, channels) => sum + channels, 0)} channels over{' '}
        {chat.channelsPerConnection.length} connections (at most {chat.capacity} each
        {chat.channelsPerConnection.length > 0 && <>: {chat.channelsPerConnection.join(', ')}</>}). Twitch allows
        20 joins per 10 seconds, so joining many channels after a restart takes a while.
      </p>
      <p data-testid="chat-waiting">
        {chat.linesWaiting} chat lines wait to be written to Kafka. While more than a thousand wait, chat history,
        then analytics and spike detection pause, so that overlays stay live; they catch up afterwards.
      </p>
    </section>
  );
}

export function KafkaTopicsCard() {
  const { data: topics } = usePolled<TopicState[]>('/api/admin/kafka/topics', REFRESH_MS);
  if (!topics) return null;
  return (
    <section className="card" aria-labelledby="kafka-topics-heading">
      <h2 id="kafka-topics-heading">Kafka topics</h2>
      <ScrollingTable headings={['Topic', 'Partitions', 'On disk', 'Kept']}>
        {topics.map((topic) => (
          <tr key={topic.name} data-testid={`topic-${topic.name}`}>
            <td>{topic.name}</td>
            <td>{topic.partitions}</td>
            <td>{bytes(topic.bytes)}</td>
            <td>
              {keeping(topic)}
              {!topic.declared && <div className="error">not as Stagehand declares it</div>}
            </td>
          </tr>
        ))}
      </ScrollingTable>
    </section>
  );
}

export function KafkaGroupsCard() {
  const { data: groups } = usePolled<Group[]>('/api/admin/kafka/groups', REFRESH_MS);
  if (!groups) return null;
  return (
    <section className="card" aria-labelledby="kafka-heading">
      <h2 id="kafka-heading">Kafka consumer groups</h2>
      <ScrollingTable headings={['Group', 'State', 'Members', 'Lag (records)']}>
        {groups.map((group) => (
          <tr key={group.group}>
            <td>{group.group}</td>
            <td>{group.state.toLowerCase()}</td>
            <td>{group.members}</td>
            <td title={Object.entries(group.lagByTopic).map(([topic, lag]) => `${topic}: ${lag}`).join(', ')}>
              {group.lag}
            </td>
          </tr>
        ))}
      </ScrollingTable>
    </section>
  );
}
