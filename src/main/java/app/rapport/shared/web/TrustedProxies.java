package app.rapport.shared.web;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose forwarding headers Rapport believes, as IP addresses and CIDR ranges
 * ({@code 10.0.0.5}, {@code 10.0.0.0/8}, {@code fd00::/8}). A request from anyone else is taken at its
 * word: its own address, whatever {@code X-Forwarded-For} it sends. Empty means no proxy is trusted.
 */
public final class TrustedProxies {

	private final List<Range> ranges;

	private TrustedProxies(List<Range> ranges) {
		this.ranges = List.copyOf(ranges);
	}

	public static TrustedProxies none() {
		return new TrustedProxies(List.of());
	}

	/**
	 * Parses a comma-separated list of literal IP addresses and CIDR ranges (host names are refused: resolving
	 * them per request would be slow and spoofable).
	 * @throws IllegalArgumentException naming the entry that is not an address or range
	 */
	public static TrustedProxies parse(String list) {
		List<Range> ranges = new ArrayList<>();
		if (list != null) {
			for (String entry : list.split(",")) {
				String e = entry.strip();
				if (!e.isEmpty()) {
					ranges.add(Range.parse(e));
				}
			}
		}
		return new TrustedProxies(ranges);
	}

	public boolean isEmpty() {
		return ranges.isEmpty();
	}

	/** Whether the address (a literal IP) belongs to a trusted proxy; anything unparsable is not trusted. */
	public boolean trusts(String address) {
		if (ranges.isEmpty() || address == null) {
			return false;
		}
		byte[] bytes = literal(address.strip());
		return bytes != null && ranges.stream().anyMatch(r -> r.contains(bytes));
	}

	/**
	 * The client's address: the peer itself unless it is a trusted proxy; then the right-most address of
	 * {@code X-Forwarded-For} that is not a trusted proxy (entries further left could be made up by the client).
	 */
	public String clientAddress(String peer, List<String> forwardedFor) {
		if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
			return peer;
		}
		List<String> hops = new ArrayList<>();
		for (String header : forwardedFor) {
			for (String hop : header.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = hops.get(i);
			if (literal(hop) == null) {
				// "unknown", an obfuscated name or garbage: nothing after it can be believed.
				return peer;
			}
			if (!trusts(hop)) {
				return hop;
			}
		}
		return hops.isEmpty() ? peer : hops.get(0);
	}

	/** The bytes of a literal IPv4 or IPv6 address, or {@code null}; never a DNS lookup. */
	static byte[] literal(String address) {
		String a = address;
		if (a.startsWith("[") && a.endsWith("]")) {
			a = a.substring(1, a.length() - 1);
		}
		if (a.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
			// Parsed here: an out-of-range octet would make InetAddress try a DNS lookup.
			String[] parts = a.split("\\.");
			byte[] bytes = new byte[4];
			for (int i = 0; i < 4; i++) {
				int octet = Integer.parseInt(parts[i]);
				if (octet > 255) {
					return null;
				}
				bytes[i] = (byte) octet;
			}
			return bytes;
		}
		// With a colon, InetAddress parses an IPv6 literal and never looks a name up.
		if (!a.contains(":") || !a.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.-]+)?")) {
			return null;
		}
		try {
			byte[] bytes = InetAddress.getByName(a).getAddress();
			// An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is the IPv4 address.
			if (bytes.length == 16 && isMappedV4(bytes)) {
				return java.util.Arrays.copyOfRange(bytes, 12, 16);
			}
			return bytes;
		}
		catch (UnknownHostException | SecurityException ex) {
			return null;
		}
	}

	private static boolean isMappedV4(byte[] b) {
		for (int i = 0; i < 10; i++) {
			if (b[i] != 0) {
				return false;
			}
		}
		return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
	}

	private record Range(byte[] network, int prefix) {

		static Range parse(String entry) {
			String address = entry;
			Integer prefix = null;
			int slash = entry.indexOf('/');
			if (slash >= 0) {
				address = entry.substring(0, slash);
				try {
					prefix = Integer.parseInt(entry.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException("'" + entry + "' has no valid prefix length after /");
				}
			}
			byte[] bytes = literal(address);
			if (bytes == null) {
				throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range");
			}
			int bits = bytes.length * 8;
			int p = prefix == null ? bits : prefix;
			if (p < 0 || p > bits) {
				throw new IllegalArgumentException("'" + entry + "' has a prefix length outside 0.." + bits);
			}
			return new Range(bytes, p);
		}

		boolean contains(byte[] address) {
			if (address.length != network.length) {
				return false;
			}
			if (prefix == 0) {
				return true;
			}
			int shift = network.length * 8 - prefix;
			return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, network).shiftRight(shift));
		}

	}

}
