package app.rapport.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page is the agent's queue. */
@Controller
class HomeController {

	@GetMapping("/")
	String home() {
		return "redirect:/tickets";
	}

}
