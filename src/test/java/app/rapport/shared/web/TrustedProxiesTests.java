package app.rapport.shared.web;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Trusted proxies")
class TrustedProxiesTests {

	final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.168.1.5, fd00::/8");

	@Nested
	@DisplayName("when parsing")
	class Parsing {

		@Test
		void trustAddressesInsideTheirRangesOnly() {
			assertThat(proxies.trusts("10.200.3.4")).isTrue();
			assertThat(proxies.trusts("11.0.0.1")).isFalse();
			assertThat(proxies.trusts("192.168.1.5")).isTrue();
			assertThat(proxies.trusts("192.168.1.6")).isFalse();
			assertThat(proxies.trusts("fd12:3456::1")).isTrue();
			assertThat(proxies.trusts("2001:db8::1")).isFalse();
			assertThat(proxies.trusts("::ffff:10.1.2.3")).isTrue();
		}

		@Test
		void neverTrustNamesOrGarbage() {
			assertThat(proxies.trusts("localhost")).isFalse();
			assertThat(proxies.trusts("999.1.1.1")).isFalse();
			assertThat(proxies.trusts("")).isFalse();
			assertThat(proxies.trusts(null)).isFalse();
			assertThat(TrustedProxies.parse("").trusts("127.0.0.1")).isFalse();
			assertThat(TrustedProxies.parse(null).isEmpty()).isTrue();
		}

		@Test
		void refuseEntriesThatAreNoAddressOrRange() {
			assertThatThrownBy(() -> TrustedProxies.parse("proxy.example.com")).hasMessageContaining("proxy.example.com");
			assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
			assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).hasMessageContaining("prefix");
		}

	}

	@Nested
	@DisplayName("when finding the client")
	class FindingTheClient {

		@Test
		void believeForwardedForOnlyFromATrustedPeer() {
			assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9"))).isEqualTo("203.0.113.9");
			assertThat(proxies.clientAddress("198.51.100.1", List.of("203.0.113.9"))).isEqualTo("198.51.100.1");
			assertThat(proxies.clientAddress("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
		}

		@Test
		void takeTheRightMostUntrustedHopSoThatAClientCannotPretend() {
			// The client wrote "1.2.3.4"; the proxy appended the address it really saw.
			assertThat(proxies.clientAddress("10.0.0.2", List.of("1.2.3.4, 203.0.113.9"))).isEqualTo("203.0.113.9");
			// Two proxies of ours in a row.
			assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9, 10.0.0.7"))).isEqualTo("203.0.113.9");
			assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9", "10.0.0.7"))).isEqualTo("203.0.113.9");
		}

		@Test
		void stopAtAHopThatIsNoAddress() {
			assertThat(proxies.clientAddress("10.0.0.2", List.of("203.0.113.9, unknown"))).isEqualTo("10.0.0.2");
		}

	}

}
