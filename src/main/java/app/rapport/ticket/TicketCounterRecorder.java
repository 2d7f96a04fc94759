package app.rapport.ticket;

import java.sql.PreparedStatement;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;

import org.springframework.stereotype.Component;

/**
 * Writes, in the ticket's own transaction, how a transaction changed the number of tickets per group,
 * owner and state ({@code ticket_counter_change}): from the old and new values Hibernate writes, so no
 * code path that changes a ticket can forget it. One insert per changed key, just before the commit;
 * insert-only, so that simultaneous ticket writes never wait for each other here.
 */
@Component
class TicketCounterRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

	static final String INSERT = "insert into ticket_counter_change (group_id, owner_id, state, delta) values (?, ?, ?, ?)";

	private final EntityManagerFactory entityManagerFactory;

	private final Map<SharedSessionContractImplementor, Changes> open = Collections.synchronizedMap(new WeakHashMap<>());

	TicketCounterRecorder(EntityManagerFactory entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@PostConstruct
	void listen() {
		EventListenerRegistry listeners = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.POST_INSERT, this);
		listeners.appendListeners(EventType.POST_UPDATE, this);
		listeners.appendListeners(EventType.POST_DELETE, this);
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		if (event.getEntity() instanceof Ticket) {
			changes(event.getSession()).add(key(event.getPersister(), event.getState()), 1);
		}
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		if (event.getEntity() instanceof Ticket && event.getOldState() != null) {
			Key before = key(event.getPersister(), event.getOldState());
			Key after = key(event.getPersister(), event.getState());
			if (!before.equals(after)) {
				Changes changes = changes(event.getSession());
				changes.add(before, -1);
				changes.add(after, 1);
			}
		}
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		if (event.getEntity() instanceof Ticket) {
			changes(event.getSession()).add(key(event.getPersister(), event.getDeletedState()), -1);
		}
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private static Key key(EntityPersister persister, Object[] state) {
		Long group = (Long) state[persister.getPropertyIndex("groupId")];
		Long owner = (Long) state[persister.getPropertyIndex("ownerId")];
		TicketState ticketState = (TicketState) state[persister.getPropertyIndex("state")];
		return new Key(group, owner == null ? 0 : owner, ticketState.name());
	}

	private Changes changes(SharedSessionContractImplementor session) {
		return open.computeIfAbsent(session, s -> {
			Changes changes = new Changes();
			s.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) changes);
			s.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) changes);
			return changes;
		});
	}

	record Key(long groupId, long ownerId, String state) {
	}

	/** The counter changes of one transaction, written just before it commits. */
	private final class Changes implements BeforeCompletionCallback, AfterCompletionCallback {

		final Map<Key, Integer> deltas = new HashMap<>();

		void add(Key key, int delta) {
			deltas.merge(key, delta, Integer::sum);
		}

		@Override
		public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
			open.remove(session);
			deltas.values().removeIf(d -> Objects.equals(d, 0));
			if (deltas.isEmpty()) {
				return;
			}
			session.doWork(connection -> {
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					for (var change : deltas.entrySet()) {
						insert.setLong(1, change.getKey().groupId());
						insert.setLong(2, change.getKey().ownerId());
						insert.setString(3, change.getKey().state());
						insert.setInt(4, change.getValue());
						insert.addBatch();
					}
					insert.executeBatch();
				}
			});
		}

		@Override
		public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
			open.remove(session);
		}

	}

}
