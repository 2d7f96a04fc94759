package app.rapport.identity;

import java.util.Locale;
import java.util.TimeZone;

import app.rapport.shared.web.ProblemWriter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.servlet.i18n.SessionLocaleResolver;

import java.util.Map;

/**
 * Two filter chains: the REST API (stateless; Bearer tokens, and HTTP Basic only to create a token)
 * and the web UI (session, form sign-in, CSRF). Method security decides per endpoint.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
			+ "script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

	@Bean
	PasswordEncoder passwordEncoder() {
		// bcrypt with cost 12 by default; the id prefix lets a later default upgrade old hashes on sign-in.
		return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(12)));
	}

	/** POST /api/v1/tokens: the one API call that takes the user's password (HTTP Basic). */
	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, SignInGuard guard) throws Exception {
		http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/api/v1/tokens"))
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(guard.addressFilter(), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint((req, res, ex) -> {
				res.setHeader("WWW-Authenticate", "Basic realm=\"Rapport\"");
				ProblemWriter.write(res, 401, "Unauthorized", "Send your e-mail and password with HTTP Basic.");
			}))
			.authorizeHttpRequests(a -> a.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens) throws Exception {
		http.securityMatcher("/api/**", "/actuator/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			// The API never reads the browser's session, so a session cookie cannot be used for CSRF against it.
			.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens), BasicAuthenticationFilter.class)
			.exceptionHandling(e -> e
				.authenticationEntryPoint((req, res, ex) -> {
					res.setHeader("WWW-Authenticate", "Bearer");
					ProblemWriter.write(res, 401, "Unauthorized", "Send a valid API token: Authorization: Bearer <token>.");
				})
				.accessDeniedHandler((req, res, ex) -> ProblemWriter.write(res, 403, "Forbidden",
						"Your token or role does not allow this.")))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
				.requestMatchers("/api/openapi.json", "/api/openapi.json/**", "/api/docs", "/api/docs/**",
						"/api/swagger-ui/**")
				.permitAll()
				.requestMatchers("/actuator/**").hasAuthority(Scope.ADMIN.authority())
				.anyRequest().hasAuthority(Scope.READ.authority()));
		return http.build();
	}

	@Bean
	@Order(3)
	SecurityFilterChain web(HttpSecurity http, SignInGuard guard, UserRepository users) throws Exception {
		var onSuccess = new SavedRequestAwareAuthenticationSuccessHandler();
		onSuccess.setDefaultTargetUrl("/");
		http.addFilterBefore(guard.addressFilter(), UsernamePasswordAuthenticationFilter.class)
			// After CSRF and before authorization: a stale session is refused like an anonymous one.
			.addFilterBefore(new SessionFreshnessFilter(users), AuthorizationFilter.class)
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.successHandler((req, res, auth) -> {
					if (auth.getPrincipal() instanceof CurrentUser cu) {
						users.findById(cu.id()).ifPresent(u -> {
							req.getSession().setAttribute(SessionLocaleResolver.LOCALE_SESSION_ATTRIBUTE_NAME,
									Locale.forLanguageTag(u.getLanguage()));
							req.getSession().setAttribute(SessionLocaleResolver.TIME_ZONE_SESSION_ATTRIBUTE_NAME,
									TimeZone.getTimeZone(u.getTimeZone()));
						});
					}
					onSuccess.onAuthenticationSuccess(req, res, auth);
				})
				.failureHandler((req, res, ex) -> res.sendRedirect(req.getContextPath()
						+ (ex instanceof org.springframework.security.authentication.LockedException ? "/login?locked"
								: "/login?error")))
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").permitAll())
			.sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
			.headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
				.frameOptions(f -> f.deny()))
			.authorizeHttpRequests(a -> a
				.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error").permitAll()
				.requestMatchers("/public/**", "/password/set").permitAll()
				.requestMatchers("/admin/**").hasRole(Role.ADMIN.name())
				.anyRequest().authenticated());
		return http.build();
	}

}
