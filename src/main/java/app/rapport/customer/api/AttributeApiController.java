package app.rapport.customer.api;

import java.util.List;

import app.rapport.customer.AttributeDefinition;
import app.rapport.customer.AttributeTarget;
import app.rapport.customer.AttributeType;
import app.rapport.customer.CustomerAttributes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Custom attribute definitions: everyone with read scope lists them; only admins define or remove them. */
@RestController
@RequestMapping("/api/v1/customer-attributes")
class AttributeApiController {

	private final CustomerAttributes attributes;

	AttributeApiController(CustomerAttributes attributes) {
		this.attributes = attributes;
	}

	record AttributeRequest(String target, String key, String label, String type, List<String> options) {
	}

	record AttributeResponse(long id, AttributeTarget target, String key, String label, AttributeType type,
			List<String> options) {

		static AttributeResponse of(AttributeDefinition d) {
			return new AttributeResponse(d.getId(), d.getTarget(), d.getKey(), d.getLabel(), d.getType(), d.getOptions());
		}

	}

	@GetMapping
	@PreAuthorize("hasAuthority('SCOPE_read')")
	List<AttributeResponse> list(@RequestParam(defaultValue = "CONTACT") String target) {
		return attributes.definitions(ApiSupport.enumParam(AttributeTarget.class, "target", target))
			.stream()
			.map(AttributeResponse::of)
			.toList();
	}

	@PostMapping
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	ResponseEntity<AttributeResponse> define(@RequestBody AttributeRequest request) {
		AttributeTarget target = ApiSupport.enumParam(AttributeTarget.class, "target", request.target());
		AttributeType type = ApiSupport.enumParam(AttributeType.class, "type", request.type());
		AttributeDefinition d = attributes.define(target, request.key(), request.label(), type, request.options());
		return ResponseEntity.status(HttpStatus.CREATED).body(AttributeResponse.of(d));
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasAuthority('SCOPE_admin')")
	ResponseEntity<Void> remove(@PathVariable long id) {
		attributes.remove(id);
		return ResponseEntity.noContent().build();
	}

}
