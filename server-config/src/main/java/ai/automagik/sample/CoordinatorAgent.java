package ai.automagik.sample;

import ai.automagik.tracing.TracedAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Hands the question to another service's agent ({@code AUTOMAGIK_SAMPLE_PEER_URL}), so one trace spans two
 * deployments: its {@code researcher}, or its {@code failing} agent for a message starting with {@code fail},
 * its {@code slow} one for a message starting with {@code slow}. Without a peer it asks the local researcher.
 */
@ApplicationScoped
public class CoordinatorAgent implements Agent {

    @Inject
    PeerAgents peer;

    @Inject
    ResearcherAgent researcher;

    @Override
    public String name() {
        return "coordinator";
    }

    @Override
    public String description() {
        return "Asks the researcher of another deployment (AUTOMAGIK_SAMPLE_PEER_URL; 'fail…' and 'slow…' "
                + "messages go to its failing and slow agents)";
    }

    @Override
    @TracedAgent(value = "coordinator", framework = "automagik-sample")
    public String run(String message) {
        if (!peer.configured()) {
            return "local researcher: " + researcher.run(message);
        }
        String agent = message.startsWith("fail") ? "failing" : message.startsWith("slow") ? "slow" : "researcher";
        return "peer " + agent + ": " + peer.run(agent, message);
    }
}
