package app.rapport.customer.web;

import java.io.IOException;
import java.util.UUID;

import app.rapport.customer.CustomerImport;
import app.rapport.customer.CustomerInputException;
import app.rapport.customer.ImportReport;
import app.rapport.identity.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import pages for contacts and organizations: upload → dry-run report → confirm. The uploaded file
 * waits in the session between the report and the confirmation, so what is confirmed is what was checked.
 */
@Controller
class ImportController {

	static final String SESSION_KEY = "customer.import.";

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final CustomerImport imports;

	private final WebSupport web;

	ImportController(CustomerImport imports, WebSupport web) {
		this.imports = imports;
		this.web = web;
	}

	/** What waits for confirmation: the file, its target and the chosen encoding. */
	record PendingImport(String target, byte[] bytes, String charset, String fileName) implements java.io.Serializable {
	}

	@GetMapping({ "/contacts/import", "/organizations/import" })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String page(HttpServletRequest request, Model model) {
		String target = targetOf(request);
		model.addAttribute("target", target);
		return "customer/import";
	}

	@PostMapping({ "/contacts/import", "/organizations/import" })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String dryRun(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request,
			@RequestParam(required = false) MultipartFile file, @RequestParam(required = false) String charset,
			HttpSession session, Model model) throws IOException {
		String target = targetOf(request);
		model.addAttribute("target", target);
		if (file == null || file.isEmpty()) {
			model.addAttribute("uploadError", web.message("emptyFile", null, "Choose a CSV file."));
			return "customer/import";
		}
		if (file.getSize() > MAX_BYTES) {
			model.addAttribute("uploadError", web.message("fileTooLarge", "10 MB", "The file is too large."));
			return "customer/import";
		}
		PendingImport pending = new PendingImport(target, file.getBytes(), charset, file.getOriginalFilename());
		ImportReport report;
		try {
			report = run(pending, true, me);
		}
		catch (CustomerInputException ex) {
			model.addAttribute("uploadError", web.errors(ex.problems()).values().iterator().next());
			return "customer/import";
		}
		String token = UUID.randomUUID().toString();
		session.setAttribute(SESSION_KEY + token, pending);
		model.addAttribute("token", token);
		model.addAttribute("fileName", pending.fileName());
		model.addAttribute("report", report);
		model.addAttribute("problems", web.importProblems(report.problems()));
		return "customer/import";
	}

	@PostMapping({ "/contacts/import/confirm", "/organizations/import/confirm" })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String confirm(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, @RequestParam String token,
			HttpSession session, Model model) {
		String target = targetOf(request);
		model.addAttribute("target", target);
		Object pending = session.getAttribute(SESSION_KEY + token);
		if (!(pending instanceof PendingImport p) || !p.target().equals(target)) {
			model.addAttribute("uploadError", web.message("importExpired", null, "Upload the file again."));
			return "customer/import";
		}
		session.removeAttribute(SESSION_KEY + token);
		ImportReport report = run(p, false, me);
		model.addAttribute("fileName", p.fileName());
		model.addAttribute("report", report);
		model.addAttribute("problems", web.importProblems(report.problems()));
		return "customer/import";
	}

	/** Explicit paths (not a path variable) so that /contacts/{id} never swallows /contacts/import. */
	private static String targetOf(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/contacts/") ? "contacts" : "organizations";
	}

	private ImportReport run(PendingImport p, boolean dryRun, CurrentUser me) {
		return "contacts".equals(p.target()) ? imports.importContacts(p.bytes(), p.charset(), dryRun, me.id())
				: imports.importOrganizations(p.bytes(), p.charset(), dryRun, me.id());
	}

}
