package app.rapport.identity.web;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import app.rapport.audit.AuditRecord;
import app.rapport.audit.AuditTrail;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.EmailTakenException;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.Passwords;
import app.rapport.identity.Role;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.identity.Versioned;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.Paging;
import app.rapport.shared.web.Languages;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for users: list, create (typed or generated password), edit, reset password. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UserAdminController {

	static final List<String> ZONES = ZoneId.getAvailableZoneIds()
		.stream()
		.filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/"))
		.sorted()
		.toList();

	private final UserAdministration administration;

	private final UserDirectory directory;

	private final FormErrors formErrors;

	private final AuditTrail audit;

	UserAdminController(UserAdministration administration, UserDirectory directory, FormErrors formErrors,
			AuditTrail audit) {
		this.administration = administration;
		this.directory = directory;
		this.formErrors = formErrors;
		this.audit = audit;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
		Page<UserSummary> users = directory.users(q,
				Paging.of(page, null, Sort.by(Sort.Order.asc("displayName").ignoreCase(), Sort.Order.asc("id"))));
		Set<Long> groupIds = new LinkedHashSet<>();
		users.forEach(u -> groupIds.addAll(u.groupIds()));
		Map<Long, GroupSummary> groups = directory.groups(groupIds);
		Map<Long, List<String>> groupNames = new HashMap<>();
		users.forEach(u -> groupNames.put(u.id(), u.groupIds()
			.stream()
			.map(groups::get)
			.filter(g -> g != null)
			.map(GroupSummary::name)
			.sorted(String.CASE_INSENSITIVE_ORDER)
			.toList()));
		model.addAttribute("users", users);
		model.addAttribute("groupNames", groupNames);
		model.addAttribute("q", q);
		return "identity/admin/users";
	}

	@GetMapping("/new")
	String newUser(Model model) {
		return form(new UserForm(), Map.of(), model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") UserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		if (binding.hasErrors()) {
			return form(form, bindingErrors(binding), model);
		}
		Role role = role(form.getRole());
		boolean typed = form.getPassword() != null && !form.getPassword().isEmpty();
		boolean invite = form.isInvite() && !typed;
		boolean generate = !typed && !invite;
		String password = invite ? null : generate ? Passwords.generate() : form.getPassword();
		UserSummary created;
		try {
			created = administration.createUser(
					new UserAdministration.NewUser(form.getEmail(), form.getDisplayName(), role, form.getLanguage(),
							form.getTimeZone(), Set.copyOf(form.getSpokenLanguages()), Set.copyOf(form.getGroupIds())),
					password, me.id());
		}
		catch (InvalidInputException ex) {
			form.setPassword(null);
			return form(form, formErrors.localize(ex, typed ? password : null), model);
		}
		catch (EmailTakenException ex) {
			form.setPassword(null);
			return form(form, Map.of("email", formErrors.text("admin.error.emailTaken")), model);
		}
		redirect.addFlashAttribute(invite ? "invited" : "created", true);
		if (generate) {
			redirect.addFlashAttribute("generatedPassword", password);
		}
		return "redirect:/admin/users/" + created.id();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Versioned<UserSummary> user = directory.userForEdit(id).orElseThrow(() -> new NotFoundException("User " + id));
		return editForm(user, formOf(user), Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @ModelAttribute("form") UserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Versioned<UserSummary> user = directory.userForEdit(id).orElseThrow(() -> new NotFoundException("User " + id));
		if (binding.hasErrors()) {
			return editForm(user, form, bindingErrors(binding), model);
		}
		try {
			administration.updateUser(id, new UserAdministration.UserChanges(form.getDisplayName(), role(form.getRole()),
					form.isActive(), Set.copyOf(form.getSpokenLanguages()), Set.copyOf(form.getGroupIds())),
					form.getVersion(), me.id());
		}
		catch (InvalidInputException ex) {
			return editForm(user, form, formErrors.localize(ex, null), model);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", true);
			return editForm(user, formOf(user), Map.of(), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/users/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		String password = administration.resetPassword(id, me.id());
		redirect.addFlashAttribute("passwordReset", true);
		redirect.addFlashAttribute("generatedPassword", password);
		return "redirect:/admin/users/" + id;
	}

	/** E-mails the user a new one-time link to choose a password; their current password works until they use it. */
	@PostMapping("/{id}/password-link")
	String sendPasswordLink(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		try {
			administration.sendPasswordLink(id, me.id());
			redirect.addFlashAttribute("linkSent", true);
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("linkRefused", true);
		}
		return "redirect:/admin/users/" + id;
	}

	private String form(UserForm form, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		addChoices(model);
		return "identity/admin/user-new";
	}

	private String editForm(Versioned<UserSummary> user, UserForm form, Map<String, String> errors, Model model) {
		model.addAttribute("user", user.value());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		addChoices(model);
		Page<AuditRecord> history = audit.history(UserAdministration.AUDIT_USER, user.value().id(), PageRequest.of(0, 20));
		Set<Long> actorIds = new LinkedHashSet<>();
		history.forEach(e -> {
			if (e.actorUserId() != null) {
				actorIds.add(e.actorUserId());
			}
		});
		model.addAttribute("history", history);
		model.addAttribute("actors", directory.users(actorIds));
		return "identity/admin/user-edit";
	}

	private void addChoices(Model model) {
		model.addAttribute("roles", Role.values());
		model.addAttribute("linkHours", UserAdministration.PASSWORD_LINK_LIFETIME.toHours());
		model.addAttribute("languages", Languages.TAGS);
		model.addAttribute("zones", ZONES);
		model.addAttribute("groups", directory.allGroups());
	}

	private static UserForm formOf(Versioned<UserSummary> versioned) {
		UserSummary user = versioned.value();
		UserForm form = new UserForm();
		form.setEmail(user.email());
		form.setDisplayName(user.displayName());
		form.setRole(user.role().name());
		form.setLanguage(user.language());
		form.setTimeZone(user.timeZone());
		form.setActive(user.active());
		form.setSpokenLanguages(new ArrayList<>(user.spokenLanguages()));
		form.setGroupIds(new ArrayList<>(user.groupIds()));
		form.setVersion(versioned.version());
		return form;
	}

	/** An unknown role is left {@code null}, which the service reports as a field error. */
	private static Role role(String name) {
		return Arrays.stream(Role.values())
			.filter(r -> r.name().equals(name == null ? "" : name.toUpperCase(Locale.ROOT)))
			.findFirst()
			.orElse(null);
	}

	private Map<String, String> bindingErrors(BindingResult binding) {
		Map<String, String> errors = new HashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), formErrors.text("admin.error.invalid")));
		return errors;
	}

}
