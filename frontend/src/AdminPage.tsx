import { SystemStatus } from './SystemStatus';
import { TopStreamsWatch } from './TopStreamsWatch';
import { ChatConnectionsCard, InfrastructureCard, KafkaGroupsCard, KafkaTopicsCard, NodeCard } from './admin/PartsCards';
import { ProcessorCards } from './admin/ProcessorCards';

/** The operator's page: a card per part of the deployment, each loading what it shows. */
export function AdminPage() {
  return (
    <>
      <section className="card" aria-labelledby="status-heading">
        <h1 id="status-heading">System status</h1>
        <SystemStatus operator />
      </section>
      <NodeCard />
      <InfrastructureCard />
      <ChatConnectionsCard />
      <TopStreamsWatch />
      <ProcessorCards />
      <KafkaTopicsCard />
      <KafkaGroupsCard />
    </>
  );
}
