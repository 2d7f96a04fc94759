package app.rapport.identity.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import app.rapport.identity.AssignmentMode;
import app.rapport.identity.CurrentUser;
import app.rapport.identity.GroupSummary;
import app.rapport.identity.UserAdministration;
import app.rapport.identity.UserDirectory;
import app.rapport.identity.UserSummary;
import app.rapport.identity.Versioned;
import app.rapport.shared.ConflictException;
import app.rapport.shared.InvalidInputException;
import app.rapport.shared.NotFoundException;
import app.rapport.shared.Paging;

import org.springframework.data.domain.Page;
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

/** Admin pages for groups: list with member counts, create, edit name, assignment mode and members. */
@Controller
@RequestMapping("/admin/groups")
@PreAuthorize("hasRole('ADMIN')")
class GroupAdminController {

	private final UserAdministration administration;

	private final UserDirectory directory;

	private final FormErrors formErrors;

	GroupAdminController(UserAdministration administration, UserDirectory directory, FormErrors formErrors) {
		this.administration = administration;
		this.directory = directory;
		this.formErrors = formErrors;
	}

	@GetMapping
	String list(@RequestParam(required = false) Integer page, Model model) {
		Page<GroupSummary> groups = directory
			.groups(Paging.of(page, null, Sort.by(Sort.Order.asc("name").ignoreCase(), Sort.Order.asc("id"))));
		model.addAttribute("groups", groups);
		model.addAttribute("memberCounts", directory.memberCounts(groups.map(GroupSummary::id).getContent()));
		return "identity/admin/groups";
	}

	@GetMapping("/new")
	String newGroup(Model model) {
		return form(null, new GroupForm(), List.of(), Map.of(), model);
	}

	@PostMapping
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") GroupForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		Set<Long> memberIds = memberIds(form, binding, errors);
		AssignmentMode mode = mode(form.getAssignmentMode());
		if (mode == null) {
			errors.put("assignmentMode", formErrors.text("form.required"));
		}
		if (!errors.isEmpty()) {
			return form(null, form, List.of(), errors, model);
		}
		GroupSummary created;
		try {
			created = administration.createGroup(form.getName(), mode, memberIds, me.id());
		}
		catch (InvalidInputException ex) {
			return form(null, form, List.of(), formErrors.localize(ex, null), model);
		}
		redirect.addFlashAttribute("created", true);
		return "redirect:/admin/groups/" + created.id();
	}

	@GetMapping("/{id}")
	String edit(@PathVariable long id, Model model) {
		Versioned<GroupSummary> group = find(id);
		List<UserSummary> members = directory.members(id);
		GroupForm form = formOf(group, members);
		return form(group.value(), form, members, Map.of(), model);
	}

	@PostMapping("/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, @ModelAttribute("form") GroupForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		Versioned<GroupSummary> group = find(id);
		List<UserSummary> members = directory.members(id);
		Map<String, String> errors = new LinkedHashMap<>();
		Set<Long> memberIds = memberIds(form, binding, errors);
		AssignmentMode mode = mode(form.getAssignmentMode());
		if (mode == null) {
			errors.put("assignmentMode", formErrors.text("form.required"));
		}
		if (!errors.isEmpty()) {
			return form(group.value(), form, members, errors, model);
		}
		try {
			administration.updateGroup(id, form.getName(), mode, memberIds, form.getVersion(), me.id());
		}
		catch (InvalidInputException ex) {
			return form(group.value(), form, members, formErrors.localize(ex, null), model);
		}
		catch (ConflictException ex) {
			model.addAttribute("conflict", true);
			return form(group.value(), formOf(group, members), members, Map.of(), model);
		}
		redirect.addFlashAttribute("saved", true);
		return "redirect:/admin/groups/" + id;
	}

	/** Makes this the group where requests that name no group land. */
	@PostMapping("/{id}/default")
	String makeDefault(@AuthenticationPrincipal CurrentUser me, @PathVariable long id, RedirectAttributes redirect) {
		administration.makeDefaultGroup(id, me.id());
		redirect.addFlashAttribute("madeDefault", true);
		return "redirect:/admin/groups/" + id;
	}

	private Versioned<GroupSummary> find(long id) {
		return directory.groupForEdit(id).orElseThrow(() -> new NotFoundException("Group " + id));
	}

	private String form(GroupSummary group, GroupForm form, List<UserSummary> members, Map<String, String> errors,
			Model model) {
		model.addAttribute("group", group);
		model.addAttribute("form", form);
		model.addAttribute("members", members);
		model.addAttribute("errors", errors);
		model.addAttribute("modes", AssignmentMode.values());
		return group == null ? "identity/admin/group-new" : "identity/admin/group-edit";
	}

	/** The members kept by checkbox plus those added by e-mail; unknown addresses become a field error. */
	private Set<Long> memberIds(GroupForm form, BindingResult binding, Map<String, String> errors) {
		if (binding.hasErrors()) {
			errors.put("members", formErrors.text("admin.error.members"));
			return Set.of();
		}
		Set<Long> ids = new LinkedHashSet<>(form.getMemberIds());
		String added = form.getAddMembers() == null ? "" : form.getAddMembers();
		List<String> unknown = new ArrayList<>();
		for (String email : added.split("[,;\\s]+")) {
			if (email.isBlank()) {
				continue;
			}
			directory.userByEmail(email).ifPresentOrElse(u -> ids.add(u.id()), () -> unknown.add(email.trim()));
		}
		if (!unknown.isEmpty()) {
			errors.put("addMembers", formErrors.text("admin.error.unknownEmail", String.join(", ", unknown)));
		}
		return ids;
	}

	private static GroupForm formOf(Versioned<GroupSummary> group, List<UserSummary> members) {
		GroupForm form = new GroupForm();
		form.setName(group.value().name());
		form.setAssignmentMode(group.value().assignmentMode().name());
		form.setMemberIds(new ArrayList<>(members.stream().map(UserSummary::id).toList()));
		form.setVersion(group.version());
		return form;
	}

	private static AssignmentMode mode(String name) {
		return Arrays.stream(AssignmentMode.values()).filter(m -> m.name().equals(name)).findFirst().orElse(null);
	}

}
