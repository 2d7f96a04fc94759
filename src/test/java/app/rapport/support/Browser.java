package app.rapport.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver. Never downloads a browser: when either is
 * missing the test fails and says what to install.
 */
public final class Browser implements AutoCloseable {

	static final String CHROMIUM = env("RAPPORT_CHROMIUM", "/usr/bin/chromium");

	static final String CHROMEDRIVER = env("RAPPORT_CHROMEDRIVER", "/usr/bin/chromedriver");

	private final WebDriver driver;

	private final String baseUrl;

	private final Path profile;

	private Browser(WebDriver driver, String baseUrl, Path profile) {
		this.driver = driver;
		this.baseUrl = baseUrl;
		this.profile = profile;
	}

	/** Starts a fresh headless browser for the application on {@code port}, preferring {@code language}. */
	public static Browser open(int port, String language) {
		if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
			throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver ("
					+ CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver");
		}
		try {
			Path profile = Files.createTempDirectory("rapport-chromium");
			ChromeOptions options = new ChromeOptions();
			options.setBinary(CHROMIUM);
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--no-first-run", "--disable-quic", "--window-size=1280,900", "--lang=" + language,
					"--user-data-dir=" + profile);
			options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
				.usingAnyFreePort()
				.build();
			WebDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, "http://127.0.0.1:" + port, profile);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public Browser go(String path) {
		driver.get(baseUrl + path);
		return this;
	}

	public WebElement find(By by) {
		try {
			return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			throw new AssertionError("Not found: " + by + " on " + driver.getCurrentUrl() + "\n" + pageText(), ex);
		}
	}

	public void waitFor(By by, String text) {
		new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	public void type(By by, String text) {
		WebElement e = find(by);
		e.clear();
		e.sendKeys(text);
	}

	public void click(By by) {
		WebElement element = find(by);
		// Bring it to the middle of the window first, so that a sticky bar cannot cover it.
		((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
				element);
		try {
			new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(element))
				.click();
		}
		catch (org.openqa.selenium.ElementClickInterceptedException coveredForAMoment) {
			// The page was still settling (styles, htmx swaps); the DOM click is what a user's click does.
			((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
		}
	}

	public void signIn(String email, String password) {
		go("/login");
		type(By.id("email"), email);
		type(By.id("password"), password);
		click(By.id("signIn"));
	}

	public String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	public String currentPath() {
		return driver.getCurrentUrl().substring(baseUrl.length());
	}

	public WebDriver driver() {
		return driver;
	}

	@Override
	public void close() {
		driver.quit();
		try (var files = Files.walk(profile)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (java.io.IOException ignored) {
			// Temporary profile; the OS cleans up what is left.
		}
	}

	private static String env(String name, String fallback) {
		String v = System.getenv(name);
		return v == null || v.isBlank() ? fallback : v;
	}

}
