package app.rapport.shared;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.JdbcConnectionAccess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.AbstractCollectionEvent;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreCollectionRecreateEvent;
import org.hibernate.event.spi.PreCollectionRecreateEventListener;
import org.hibernate.event.spi.PreCollectionUpdateEvent;
import org.hibernate.event.spi.PreCollectionUpdateEventListener;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.mapping.Component;
import org.hibernate.mapping.IndexedCollection;
import org.hibernate.mapping.PersistentClass;
import org.hibernate.mapping.Property;
import org.hibernate.mapping.Selectable;
import org.hibernate.mapping.Table;
import org.hibernate.mapping.Value;
import org.hibernate.persister.collection.CollectionPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.type.BasicType;
import org.hibernate.type.ComponentType;
import org.hibernate.type.Type;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks every text Hibernate is about to write, in one place for all modules: before an entity is
 * inserted or updated, and before an element collection (tags, e-mails, phones, attributes) is written,
 * each text attribute (also one an attribute converter turns into text) must fit its column and must not
 * contain U+0000. Otherwise it throws {@link InvalidInputException} naming the attribute, which the API
 * answers 400 and forms show as a field error, the same on H2 and PostgreSQL. Column sizes are read once,
 * at start-up, from the database's own JDBC metadata, so they cannot drift from the migrations.
 */
final class StoredTextGuard implements Integrator, PreInsertEventListener, PreUpdateEventListener,
		PreCollectionRecreateEventListener, PreCollectionUpdateEventListener {

	static final String NUL_REASON = "must not contain the character U+0000";

	private static final Logger log = LoggerFactory.getLogger(StoredTextGuard.class);

	private static final Set<Integer> TEXT_TYPES = Set.of(Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR,
			Types.NVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB);

	/**
	 * Column size per attribute: {@code Entity.attribute}, {@code Entity.embedded.attribute},
	 * {@code Entity.#id}, and for an element collection {@code role#element} (or {@code role#element.attribute})
	 * and {@code role#key}.
	 */
	private final Map<String, Integer> limits = new HashMap<>();

	/** Per entity, what {@link #check(EntityPersister, Object, Object[])} needs, worked out on its first write. */
	private final Map<String, EntityPlan> plans = new ConcurrentHashMap<>();

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
		Map<String, Integer> columns = columnSizes(sessionFactory.getJdbcServices().getBootstrapJdbcConnectionAccess());
		for (PersistentClass entity : metadata.getEntityBindings()) {
			String name = entity.getEntityName();
			if (entity.getIdentifierProperty() != null) {
				limit(name + ".#id", entity.getIdentifierProperty().getValue(), columns);
			}
			for (Property property : entity.getPropertyClosure()) {
				learn(name + "." + property.getName(), property.getValue(), columns);
			}
		}
		log.debug("Text limits for {} attributes", limits.size());
		EventListenerRegistry registry = sessionFactory.getServiceRegistry().requireService(EventListenerRegistry.class);
		registry.appendListeners(EventType.PRE_INSERT, this);
		registry.appendListeners(EventType.PRE_UPDATE, this);
		registry.appendListeners(EventType.PRE_COLLECTION_RECREATE, this);
		registry.appendListeners(EventType.PRE_COLLECTION_UPDATE, this);
	}

	// ------------------------------------------------------------------ learning the limits

	private void learn(String key, Value value, Map<String, Integer> columns) {
		if (value instanceof Component component) {
			for (Property p : component.getProperties()) {
				learn(key + "." + p.getName(), p.getValue(), columns);
			}
		}
		else if (value instanceof org.hibernate.mapping.Collection collection) {
			learn(collection.getRole() + "#element", collection.getElement(), columns);
			if (collection instanceof IndexedCollection indexed && indexed.getIndex() != null) {
				limit(collection.getRole() + "#key", indexed.getIndex(), columns);
			}
		}
		else {
			limit(key, value, columns);
		}
	}

	private void limit(String key, Value value, Map<String, Integer> columns) {
		if (value.getColumnSpan() != 1 || value.getTable() == null) {
			return;
		}
		Selectable selectable = value.getSelectables().get(0);
		if (selectable instanceof org.hibernate.mapping.Column column) {
			Integer size = columns.get(canonical(value.getTable()) + "." + canonical(column.getName()));
			if (size != null) {
				limits.put(key, size);
			}
		}
	}

	private static String canonical(Table table) {
		return canonical(table.getName());
	}

	private static String canonical(String name) {
		return name.replace("\"", "").replace("`", "").toLowerCase(Locale.ROOT);
	}

	/** {@code table.column} to the size of each text column of the schema the application uses. */
	private static Map<String, Integer> columnSizes(JdbcConnectionAccess access) {
		Map<String, Integer> sizes = new HashMap<>();
		try {
			Connection connection = access.obtainConnection();
			try {
				DatabaseMetaData meta = connection.getMetaData();
				try (ResultSet rs = meta.getColumns(connection.getCatalog(), connection.getSchema(), "%", "%")) {
					while (rs.next()) {
						if (TEXT_TYPES.contains(rs.getInt("DATA_TYPE")) && rs.getInt("COLUMN_SIZE") > 0) {
							sizes.put(canonical(rs.getString("TABLE_NAME")) + "." + canonical(rs.getString("COLUMN_NAME")),
									rs.getInt("COLUMN_SIZE"));
						}
					}
				}
			}
			finally {
				access.releaseConnection(connection);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the column sizes of the database", ex);
		}
		return sizes;
	}

	// ------------------------------------------------------------------ checking before writes

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		check(event.getPersister(), event.getId(), event.getState());
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		check(event.getPersister(), event.getId(), event.getState());
		return false;
	}

	@Override
	public void onPreRecreateCollection(PreCollectionRecreateEvent event) {
		check(event);
	}

	@Override
	public void onPreUpdateCollection(PreCollectionUpdateEvent event) {
		check(event);
	}

	private void check(EntityPersister persister, Object id, Object[] state) {
		Map<String, String> refused = new LinkedHashMap<>();
		String entity = persister.getEntityName();
		if (id instanceof String text) {
			text(persister.getIdentifierPropertyName(), text, limits.get(entity + ".#id"), refused);
		}
		String[] names = persister.getPropertyNames();
		Type[] types = persister.getPropertyTypes();
		EntityPlan plan = plans.computeIfAbsent(entity, e -> EntityPlan.of(e, names, types));
		for (int i = 0; i < names.length; i++) {
			if (!plan.skip[i]) {
				value(names[i], plan.keys[i], types[i], state[i], refused);
			}
		}
		refuse(entity, refused);
	}

	/**
	 * The limit keys of an entity's attributes, and which attributes can never hold text (associations, and
	 * basic values whose column is not a text column): every entity write of every module passes here, so
	 * neither is worked out again per write (a clock recompute writes 150,000 entities).
	 */
	private record EntityPlan(String[] keys, boolean[] skip) {

		static EntityPlan of(String entity, String[] names, Type[] types) {
			String[] keys = new String[names.length];
			boolean[] skip = new boolean[names.length];
			for (int i = 0; i < names.length; i++) {
				keys[i] = entity + "." + names[i];
				skip[i] = types[i].isAssociationType()
						|| (types[i] instanceof BasicType<?> basic && !basic.getJdbcType().isStringLike());
			}
			return new EntityPlan(keys, skip);
		}

	}

	private void check(AbstractCollectionEvent event) {
		CollectionPersister persister = event.getCollectionPersister();
		Object collection = event.getCollection();
		if (persister == null || persister.getElementType().isEntityType()) {
			return;
		}
		String role = persister.getRole();
		String field = role.substring(role.lastIndexOf('.') + 1);
		Map<String, String> refused = new LinkedHashMap<>();
		if (collection instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> e : map.entrySet()) {
				value(field, role + "#key", persister.getIndexType(), e.getKey(), refused);
				value(field, role + "#element", persister.getElementType(), e.getValue(), refused);
			}
		}
		else if (collection instanceof Collection<?> elements) {
			for (Object element : elements) {
				value(field, role + "#element", persister.getElementType(), element, refused);
			}
		}
		refuse(event.getAffectedOwnerEntityName(), refused);
	}

	private void value(String field, String key, Type type, Object value, Map<String, String> refused) {
		if (value == null || type.isAssociationType()) {
			return;
		}
		if (type instanceof ComponentType component) {
			Object[] values = component.getPropertyValues(value);
			String[] names = component.getPropertyNames();
			Type[] types = component.getSubtypes();
			for (int i = 0; i < names.length; i++) {
				value(field + "." + names[i], key + "." + names[i], types[i], values[i], refused);
			}
		}
		else if (type instanceof BasicType<?> basic) {
			Object stored = value instanceof String ? value : basic.getJdbcMapping().convertToRelationalValue(value);
			if (stored instanceof String text) {
				text(field, text, limits.get(key), refused);
			}
		}
	}

	private static void text(String field, String text, Integer limit, Map<String, String> refused) {
		if (text.indexOf('\u0000') >= 0) {
			refused.putIfAbsent(field, NUL_REASON);
		}
		// UTF-16 units, as H2 counts; PostgreSQL counts code points, which are never more.
		else if (limit != null && text.length() > limit) {
			refused.putIfAbsent(field, "must be at most " + limit + " characters");
		}
	}

	private static void refuse(String entity, Map<String, String> refused) {
		if (!refused.isEmpty()) {
			String what = entity == null ? "The value" : entity.substring(entity.lastIndexOf('.') + 1);
			throw new InvalidInputException(what + " cannot be stored: " + refused, refused);
		}
	}

}
