package ai.automagik.sample;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Every available {@link Agent} bean of the application, by name. */
@ApplicationScoped
public class AgentRegistry {

    @Inject
    Instance<Agent> agents;

    public List<Agent> all() {
        return agents.stream().filter(Agent::available).sorted(Comparator.comparing(Agent::name)).toList();
    }

    public Optional<Agent> find(String name) {
        return agents.stream().filter(Agent::available).filter(agent -> agent.name().equals(name)).findFirst();
    }
}
