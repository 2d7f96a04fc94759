package app.rapport.customer.web;

import java.io.IOException;
import java.util.UUID;

import app.rapport.customer.CustomerImport;
import app.rapport.customer.CustomerInputException;
import app.rapport.customer.ImportJobView;
import app.rapport.customer.ImportJobs;
import app.rapport.customer.ImportReport;
import app.rapport.customer.ImportTarget;
import app.rapport.customer.ImportsBusyException;
import app.rapport.identity.CurrentUser;
import app.rapport.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * CSV import pages for contacts and organizations: upload → dry-run report → confirm → progress → report.
 * The uploaded file waits in the session between the report and the confirmation, so what is confirmed
 * is what was checked; the confirmed import runs in the background and its page polls its progress.
 */
@Controller
class ImportController {

	static final String SESSION_KEY = "customer.import.";

	static final long MAX_BYTES = 10L * 1024 * 1024;

	private final CustomerImport imports;

	private final ImportJobs jobs;

	private final WebSupport web;

	ImportController(CustomerImport imports, ImportJobs jobs, WebSupport web) {
		this.imports = imports;
		this.jobs = jobs;
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
	String dryRun(HttpServletRequest request, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String charset, HttpSession session, Model model) throws IOException {
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
			report = imports.dryRun(importTarget(target), pending.bytes(), pending.charset());
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
		ImportJobView job;
		try {
			job = jobs.start(importTarget(target), p.bytes(), p.charset(), p.fileName(), me.id());
		}
		catch (ImportsBusyException ex) {
			// The file stays in the session: the same confirmation can be sent again in a minute.
			model.addAttribute("uploadError", web.message("importsBusy", null, "Too many imports are waiting; try again in a minute."));
			model.addAttribute("retryToken", token);
			return "customer/import";
		}
		session.removeAttribute(SESSION_KEY + token);
		// Post/redirect/get: reloading the progress page never starts the import again.
		return "redirect:/" + target + "/import/jobs/" + job.id();
	}

	@GetMapping({ "/contacts/import/jobs/{id}", "/organizations/import/jobs/{id}" })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String job(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, @PathVariable String id, Model model) {
		addJob(me, request, id, model);
		return "customer/import";
	}

	/** The job's part of the page, which htmx polls every second while the import runs. */
	@GetMapping({ "/contacts/import/jobs/{id}/progress", "/organizations/import/jobs/{id}/progress" })
	@PreAuthorize("hasAuthority('SCOPE_write')")
	String progress(@AuthenticationPrincipal CurrentUser me, HttpServletRequest request, @PathVariable String id, Model model) {
		addJob(me, request, id, model);
		return "customer/_import :: job";
	}

	private void addJob(CurrentUser me, HttpServletRequest request, String id, Model model) {
		String target = targetOf(request);
		ImportJobView job = jobs.job(id, me.id());
		if (job.target() != importTarget(target)) {
			throw new NotFoundException("Import " + id);
		}
		model.addAttribute("target", target);
		model.addAttribute("job", job);
		model.addAttribute("fileName", job.fileName());
		if (job.report() != null) {
			model.addAttribute("report", job.report());
			model.addAttribute("problems", web.importProblems(job.report().problems()));
		}
	}

	/** Explicit paths (not a path variable) so that /contacts/{id} never swallows /contacts/import. */
	private static String targetOf(HttpServletRequest request) {
		return request.getRequestURI().startsWith(request.getContextPath() + "/contacts/") ? "contacts" : "organizations";
	}

	private static ImportTarget importTarget(String target) {
		return "contacts".equals(target) ? ImportTarget.CONTACTS : ImportTarget.ORGANIZATIONS;
	}

}
