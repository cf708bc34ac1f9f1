package be.hulpwijzer.web.session;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ReturnAfterLoginTest {

    @Test
    void onlyPagesOfThisSiteAreReturnedTo() {
        assertThat(ReturnAfterLogin.isLocalPage(URI.create("/te-bevestigen?zone=brugge"))).isTrue();
        assertThat(ReturnAfterLogin.isLocalPage(URI.create("/beheer/modules/12"))).isTrue();
        for (String elsewhere : new String[]{"//evil.example/x", "///evil.example/x", "https://evil.example/",
                "evil.example", "/login?fout=1", "/logout", "/api/v1/accounts"}) {
            assertThat(ReturnAfterLogin.isLocalPage(URI.create(elsewhere))).as(elsewhere).isFalse();
        }
    }
}
