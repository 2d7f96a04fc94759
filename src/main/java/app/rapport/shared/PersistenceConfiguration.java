package app.rapport.shared;

import java.util.List;

import org.hibernate.jpa.boot.spi.IntegratorProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/**
 * Wires the {@link StoredTextGuard} into Hibernate, and a transaction manager under which the guard's
 * {@link InvalidInputException} leaves a commit as itself: most rows are written when the transaction
 * commits, where JPA would otherwise wrap it into a rollback exception and callers could not tell bad
 * input from a failure (forms could not show it next to the field, the API would answer 500).
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfiguration {

	/** Hibernate's setting for integrators given programmatically ({@code EntityManagerFactoryBuilderImpl}). */
	static final String INTEGRATOR_PROVIDER = "hibernate.integrator_provider";

	@Bean
	HibernatePropertiesCustomizer storedTextGuard() {
		return properties -> properties.put(INTEGRATOR_PROVIDER,
				(IntegratorProvider) () -> List.of(new StoredTextGuard()));
	}

	@Bean
	JpaTransactionManager transactionManager(ObjectProvider<TransactionManagerCustomizers> customizers) {
		JpaTransactionManager manager = new InputKeepingTransactionManager();
		customizers.ifAvailable(c -> c.customize(manager));
		return manager;
	}

	/** Boot's JPA transaction manager, except that bad input found while committing is thrown as it is. */
	static final class InputKeepingTransactionManager extends JpaTransactionManager {

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			try {
				super.doCommit(status);
			}
			catch (RuntimeException ex) {
				for (Throwable t = ex; t != null; t = t.getCause()) {
					if (t instanceof InvalidInputException invalid) {
						throw invalid;
					}
				}
				throw ex;
			}
		}

	}

}
