package app.rapport.ticket.web;

import java.io.IOException;

import app.rapport.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On ticket pages, a ticket the user may not see is simply not there (404, never 403). */
@ControllerAdvice(assignableTypes = { TicketController.class, TicketFieldAdminController.class })
class TicketWebErrors {

	@ExceptionHandler(NotFoundException.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_NOT_FOUND);
	}

}
