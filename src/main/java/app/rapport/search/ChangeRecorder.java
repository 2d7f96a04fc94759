package app.rapport.search;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.WeakHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCollectionRecreateEvent;
import org.hibernate.event.spi.PostCollectionRecreateEventListener;
import org.hibernate.event.spi.PostCollectionRemoveEvent;
import org.hibernate.event.spi.PostCollectionRemoveEventListener;
import org.hibernate.event.spi.PostCollectionUpdateEvent;
import org.hibernate.event.spi.PostCollectionUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes, in the same database transaction, which index documents a transaction changes (table
 * {@code search_pending}): the durable record from which {@link PendingIndexWork} indexes in the background
 * (ADR 15). It listens to the Hibernate events of indexed entities (Hibernate Search's own listeners are
 * off). The rows are inserted after the last flush and before the commit, so a change is never committed
 * without its row, and a rollback leaves none; after the commit the indexer is woken so that the change is
 * searchable within milliseconds.
 */
@Component
class ChangeRecorder implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
		PostCollectionRecreateEventListener, PostCollectionUpdateEventListener, PostCollectionRemoveEventListener {

	static final String INSERT = "insert into search_pending (batch_id, entity, entity_id, recorded_at) values (?, ?, ?, ?)";

	private static final Logger log = LoggerFactory.getLogger(ChangeRecorder.class);

	private final EntityManagerFactory entityManagerFactory;

	private final Clock clock;

	/** The batch of each session's running transaction; weak, so that a session that never completes leaks nothing. */
	private final Map<SharedSessionContractImplementor, Batch> open = Collections.synchronizedMap(new WeakHashMap<>());

	/** Told after a transaction with changes committed (the indexer's wake-up). */
	private volatile Runnable onCommit = () -> {
	};

	ChangeRecorder(EntityManagerFactory entityManagerFactory, Clock clock) {
		this.entityManagerFactory = entityManagerFactory;
		this.clock = clock;
	}

	@PostConstruct
	void listen() {
		EventListenerRegistry listeners = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getServiceRegistry()
			.requireService(EventListenerRegistry.class);
		listeners.appendListeners(EventType.POST_INSERT, this);
		listeners.appendListeners(EventType.POST_UPDATE, this);
		listeners.appendListeners(EventType.POST_DELETE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_RECREATE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_UPDATE, this);
		listeners.appendListeners(EventType.POST_COLLECTION_REMOVE, this);
	}

	void onCommit(Runnable wakeUp) {
		this.onCommit = wakeUp;
	}

	@Override
	public void onPostInsert(PostInsertEvent event) {
		record(event.getSession(), IndexedChange.ofInsertOrDelete(event.getEntity()));
	}

	@Override
	public void onPostUpdate(PostUpdateEvent event) {
		record(event.getSession(), IndexedChange.ofUpdate(event.getEntity(), dirtyProperties(event)));
	}

	@Override
	public void onPostDelete(PostDeleteEvent event) {
		record(event.getSession(), IndexedChange.ofInsertOrDelete(event.getEntity()));
	}

	@Override
	public void onPostRecreateCollection(PostCollectionRecreateEvent event) {
		recordOwner(event);
	}

	@Override
	public void onPostUpdateCollection(PostCollectionUpdateEvent event) {
		recordOwner(event);
	}

	@Override
	public void onPostRemoveCollection(PostCollectionRemoveEvent event) {
		recordOwner(event);
	}

	@Override
	public boolean requiresPostCommitHandling(EntityPersister persister) {
		return false;
	}

	private void recordOwner(AbstractCollectionEvent event) {
		String role = event.getCollection().getRole();
		String property = role == null ? "" : role.substring(role.lastIndexOf('.') + 1);
		record(event.getSession(), IndexedChange.ofCollection(event.getAffectedOwnerOrNull(), property));
	}

	/** The names of the properties the update changed, or {@code null} when Hibernate did not compute them. */
	private static Set<String> dirtyProperties(PostUpdateEvent event) {
		int[] dirty = event.getDirtyProperties();
		if (dirty == null) {
			return null;
		}
		String[] names = event.getPersister().getPropertyNames();
		Set<String> changed = new java.util.HashSet<>();
		for (int i : dirty) {
			changed.add(names[i]);
		}
		return changed;
	}

	private void record(SharedSessionContractImplementor session, IndexedChange change) {
		if (change == null) {
			return;
		}
		if (!session.isTransactionInProgress()) {
			// JPA writes only inside transactions; should one ever not, the index is checked at the next start.
			log.warn("Indexed {} {} changed outside a transaction; it is not recorded as pending index work",
					change.kind(), change.id());
			return;
		}
		open.computeIfAbsent(session, this::begin).changes.add(change);
	}

	private Batch begin(SharedSessionContractImplementor session) {
		Batch batch = new Batch(UUID.randomUUID().toString());
		session.getTransactionCompletionCallbacks().registerCallback((BeforeCompletionCallback) batch);
		session.getTransactionCompletionCallbacks().registerCallback((AfterCompletionCallback) batch);
		if (managedBySpring(session)) {
			TransactionSynchronizationManager.registerSynchronization(batch);
		}
		// Otherwise the indexer finds the rows at its next look (within rapport.search.index-interval).
		return batch;
	}

	/** True when the session is the one Spring's transaction on this thread uses (its afterCommit is then ours). */
	private boolean managedBySpring(SharedSessionContractImplementor session) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return false;
		}
		return TransactionSynchronizationManager.getResource(entityManagerFactory) instanceof EntityManagerHolder holder
				&& holder.getEntityManager().unwrap(SharedSessionContractImplementor.class) == session;
	}

	/** The changes of one transaction, written as rows of one batch id just before it commits. */
	private final class Batch implements BeforeCompletionCallback, AfterCompletionCallback, TransactionSynchronization {

		final String id;

		final Set<IndexedChange> changes = new LinkedHashSet<>();

		private boolean written;

		Batch(String id) {
			this.id = id;
		}

		@Override
		public void doBeforeTransactionCompletion(SharedSessionContractImplementor session) {
			open.remove(session);
			if (changes.isEmpty()) {
				return;
			}
			OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
			// A ticket inserted or deleted here has no messages from other transactions: its own row and its
			// messages' rows cover its conversation (a new ticket's tags would otherwise ask for it all again).
			changes.removeIf(change -> change.kind() == IndexedChange.Kind.CONVERSATION
					&& changes.contains(new IndexedChange(IndexedChange.Kind.TICKET, change.id())));
			session.doWork(connection -> {
				try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
					for (IndexedChange change : changes) {
						insert.setString(1, id);
						insert.setString(2, change.kind().name());
						insert.setLong(3, change.id());
						insert.setObject(4, now);
						insert.addBatch();
					}
					insert.executeBatch();
				}
			});
			written = true;
		}

		@Override
		public void doAfterTransactionCompletion(boolean success, SharedSessionContractImplementor session) {
			open.remove(session);
		}

		@Override
		public void afterCommit() {
			if (written) {
				onCommit.run();
			}
		}

	}

}
