package app.rapport.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The natural text the demo company is made of, read from {@code organizations.json}, {@code people.json},
 * {@code tickets.json} and {@code replies.json} (see {@code demo/README.md}). Lenient about optional fields so
 * that the content can grow without code changes.
 */
public final class DemoContent {

	/** The languages of the demo, in the order the content uses them. */
	public static final List<String> LANGUAGES = List.of("en", "zh-CN", "zh-TW", "bg");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<OrganizationSeed> organizations;

	private final Map<String, NamePool> names;

	private final Map<String, List<String>> consumerValuesMost;

	private final Map<String, List<String>> personalNotes;

	/** language → ticket type name → templates. */
	private final Map<String, Map<String, List<TicketTemplate>>> tickets;

	/** language → "agent" / "customer" → replies. */
	private final Map<String, Map<String, List<String>>> replies;

	DemoContent(List<OrganizationSeed> organizations, Map<String, NamePool> names,
			Map<String, List<String>> consumerValuesMost, Map<String, List<String>> personalNotes,
			Map<String, Map<String, List<TicketTemplate>>> tickets, Map<String, Map<String, List<String>>> replies) {
		this.organizations = organizations;
		this.names = names;
		this.consumerValuesMost = consumerValuesMost;
		this.personalNotes = personalNotes;
		this.tickets = tickets;
		this.replies = replies;
	}

	/** Reads the four files under {@code location} (e.g. {@code classpath:demo/}). */
	public static DemoContent load(ResourceLoader loader, String location) {
		String base = location.endsWith("/") ? location : location + "/";
		JsonNode orgs = read(loader.getResource(base + "organizations.json"));
		JsonNode people = read(loader.getResource(base + "people.json"));
		JsonNode tickets = read(loader.getResource(base + "tickets.json"));
		JsonNode replies = read(loader.getResource(base + "replies.json"));
		return parse(orgs, people, tickets, replies);
	}

	static DemoContent parse(JsonNode orgs, JsonNode people, JsonNode tickets, JsonNode replies) {
		List<OrganizationSeed> organizations = new ArrayList<>();
		JsonNode orgArray = orgs.isArray() ? orgs : orgs.path("organizations");
		for (JsonNode o : orgArray) {
			organizations.add(new OrganizationSeed(text(o, "name"), text(o, "latinName"), language(text(o, "language")),
					text(o, "domain"), upper(text(o, "kind"), "COMPANY"), upper(text(o, "lifecycle"), "CUSTOMER"),
					text(o, "valuesMost"), text(o, "notes"), strings(o.path("tags"))));
		}

		Map<String, NamePool> names = new LinkedHashMap<>();
		for (String lang : LANGUAGES) {
			JsonNode pool = people.path(lang);
			names.put(lang, new NamePool(nameParts(pool.path("given")), nameParts(pool.path("family"))));
		}

		Map<String, Map<String, List<TicketTemplate>>> templates = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> byLang : tickets.properties()) {
			Map<String, List<TicketTemplate>> byType = new LinkedHashMap<>();
			for (Map.Entry<String, JsonNode> typeEntry : byLang.getValue().properties()) {
				List<TicketTemplate> list = new ArrayList<>();
				for (JsonNode t : typeEntry.getValue()) {
					List<Turn> turns = new ArrayList<>();
					for (JsonNode turn : t.path("conversation")) {
						boolean agent = "agent".equalsIgnoreCase(text(turn, "from"));
						turns.add(new Turn(agent, turn.path("public").asBoolean(true), text(turn, "text")));
					}
					list.add(new TicketTemplate(text(t, "subject"), text(t, "body"), upper(text(t, "priority"), "NORMAL"),
							strings(t.path("tags")), List.copyOf(turns)));
				}
				byType.put(typeKey(typeEntry.getKey()), List.copyOf(list));
			}
			templates.put(language(byLang.getKey()), byType);
		}

		Map<String, Map<String, List<String>>> replyPools = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> byLang : replies.properties()) {
			replyPools.put(language(byLang.getKey()), Map.of("agent", strings(byLang.getValue().path("agent")),
					"customer", strings(byLang.getValue().path("customer"))));
		}
		return new DemoContent(List.copyOf(organizations), names, byLanguage(people.path("consumerValuesMost")),
				byLanguage(people.path("personalNotes")), templates, replyPools);
	}

	public List<OrganizationSeed> organizations() {
		return organizations;
	}

	NamePool names(String language) {
		NamePool pool = names.get(language);
		return pool == null || pool.isEmpty() ? names.get("en") : pool;
	}

	List<String> consumerValuesMost(String language) {
		return consumerValuesMost.getOrDefault(language, List.of());
	}

	List<String> personalNotes(String language) {
		return personalNotes.getOrDefault(language, List.of());
	}

	/** Whether the content has its own templates for the type in the language (no fallback). */
	boolean hasOwnTemplates(String language, String type) {
		List<TicketTemplate> found = tickets.getOrDefault(language, Map.of()).get(type);
		return found != null && !found.isEmpty();
	}

	/** Templates for a type in a language, falling back to English and then to any language. */
	List<TicketTemplate> templates(String language, String type) {
		List<TicketTemplate> found = tickets.getOrDefault(language, Map.of()).get(type);
		if (found != null && !found.isEmpty()) {
			return found;
		}
		found = tickets.getOrDefault("en", Map.of()).get(type);
		if (found != null && !found.isEmpty()) {
			return found;
		}
		return tickets.values()
			.stream()
			.map(m -> m.get(type))
			.filter(l -> l != null && !l.isEmpty())
			.findFirst()
			.orElseGet(() -> tickets.values().stream().flatMap(m -> m.values().stream()).filter(l -> !l.isEmpty())
				.findFirst().orElseThrow(() -> new IllegalStateException("The demo content has no ticket templates")));
	}

	List<String> replies(String language, boolean agent) {
		Map<String, List<String>> pools = replies.getOrDefault(language, replies.getOrDefault("en", Map.of()));
		return pools.getOrDefault(agent ? "agent" : "customer", List.of());
	}

	private static JsonNode read(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read demo content " + resource.getDescription(), ex);
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isMissingNode() || value.isNull() ? null : value.asString();
	}

	private static String upper(String value, String fallback) {
		return value == null || value.isBlank() ? fallback : value.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
	}

	/** Accepts "zh_CN", "zh-cn" and the like for the four supported tags. */
	static String language(String tag) {
		if (tag == null) {
			return "en";
		}
		String t = tag.trim().replace('_', '-');
		for (String lang : LANGUAGES) {
			if (lang.equalsIgnoreCase(t)) {
				return lang;
			}
		}
		return t;
	}

	/** Ticket types as the enum names: "return/exchange", "RETURN" and "return_exchange" all mean RETURN_EXCHANGE. */
	static String typeKey(String key) {
		String k = key.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('/', '_').replace(' ', '_');
		return k.startsWith("RETURN") ? "RETURN_EXCHANGE" : k;
	}

	private static List<String> strings(JsonNode array) {
		List<String> out = new ArrayList<>();
		for (JsonNode n : array) {
			if (n.isString()) {
				out.add(n.asString());
			}
		}
		return List.copyOf(out);
	}

	private static List<NamePart> nameParts(JsonNode array) {
		List<NamePart> out = new ArrayList<>();
		for (JsonNode n : array) {
			if (n.isString()) {
				out.add(new NamePart(n.asString(), n.asString(), null));
			}
			else {
				String nativeForm = text(n, "native") != null ? text(n, "native") : text(n, "name");
				String latin = text(n, "latin") != null ? text(n, "latin") : nativeForm;
				Boolean female = n.has("female") ? n.path("female").asBoolean() : null;
				out.add(new NamePart(nativeForm, latin, female));
			}
		}
		return List.copyOf(out);
	}

	private static Map<String, List<String>> byLanguage(JsonNode node) {
		Map<String, List<String>> out = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> e : node.properties()) {
			out.put(language(e.getKey()), strings(e.getValue()));
		}
		return out;
	}

	/** One of the demo organizations as written in {@code organizations.json}. */
	public record OrganizationSeed(String name, String latinName, String language, String domain, String kind,
			String lifecycle, String valuesMost, String notes, List<String> tags) {
	}

	/** A given or family name in its native script and in Latin letters; {@code female} is known for some. */
	record NamePart(String nativeForm, String latin, Boolean female) {
	}

	/** Given and family names of one language. */
	record NamePool(List<NamePart> given, List<NamePart> family) {

		boolean isEmpty() {
			return given.isEmpty() || family.isEmpty();
		}

	}

	/** A ticket as a customer writes it, with the conversation that usually follows. */
	record TicketTemplate(String subject, String body, String priority, List<String> tags, List<Turn> conversation) {
	}

	/** One message of a template conversation. */
	record Turn(boolean agent, boolean publicMessage, String text) {
	}

}
