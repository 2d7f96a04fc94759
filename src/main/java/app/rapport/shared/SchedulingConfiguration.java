package app.rapport.shared;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on {@code @Scheduled} work (the commitment breach detector, among others). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
