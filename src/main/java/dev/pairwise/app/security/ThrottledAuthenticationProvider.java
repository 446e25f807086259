package dev.pairwise.app.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (the login form and HTTP basic) behind a {@link LoginThrottle}:
 * an attempt that must wait is refused with {@link SignInThrottledException} before the account
 * is read; a wrong password or unknown name is counted; a success clears the account's count.
 * API tokens do not pass here (they are checked by {@link ApiTokenAuthenticationFilter}).
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails web && web.getRemoteAddress() != null
                ? web.getRemoteAddress() : "unknown";
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new SignInThrottledException(wait.get());
        }
        Authentication result;
        try {
            result = passwords.authenticate(attempt);
        } catch (BadCredentialsException e) {
            // Also an unknown name: Spring reports it as bad credentials, so it counts the same.
            throttle.failed(username, address);
            throw e;
        }
        if (result != null) {
            throttle.succeeded(username);
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
