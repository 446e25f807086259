package dev.pairwise.corpus.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PiiScrubberTest {

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe@example.com", "j_doe+news@mail.example.co.uk", "X1@sub-domain.org"})
    void email_addresses_become_a_placeholder(String email) {
        PiiScrubber.Result r = PiiScrubber.scrub("write to " + email + ", please");
        assertThat(r.text()).isEqualTo("write to <EMAIL>, please");
        assertThat(r.replaced()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 0132", "+44 20 7946 0958", "(030) 1234 5678", "415-555-0132", "415.555.0132",
        "+49-89-636-48018"})
    void phone_numbers_become_a_placeholder(String phone) {
        assertThat(PiiScrubber.scrub("call " + phone + " today").text()).isEqualTo("call <PHONE> today");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2021-03-04", "1990-2000", "12 34", "3.14159", "page 12-15", "10:30:00", "version 1.2.3",
        "1,000,000"})
    void dates_numbers_and_times_stay(String text) {
        PiiScrubber.Result r = PiiScrubber.scrub("on " + text + " we met");
        assertThat(r.text()).isEqualTo("on " + text + " we met");
        assertThat(r.replaced()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.0.1", "8.8.8.8", "255.255.255.255"})
    void ipv4_addresses_become_a_placeholder(String ip) {
        assertThat(PiiScrubber.scrub("host " + ip + " is up").text()).isEqualTo("host <IP_ADDRESS> is up");
    }

    @Test
    void an_out_of_range_octet_is_not_an_address() {
        assertThat(PiiScrubber.scrub("host 256.1.1.1 is up").replaced()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"2001:db8::1", "fe80::1ff:fe23:4567:890a", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "::ffff:192.0.2.128"})
    void ipv6_addresses_become_a_placeholder(String ip) {
        assertThat(PiiScrubber.scrub("peer " + ip + " connected").text()).isEqualTo("peer <IP_ADDRESS> connected");
    }

    @Test
    void several_kinds_in_one_text_are_all_counted() {
        PiiScrubber.Result r = PiiScrubber.scrub("Mail a@b.io or b@c.io, call +1 202 555 0143 from 10.0.0.7.");
        assertThat(r.text()).isEqualTo("Mail <EMAIL> or <EMAIL>, call <PHONE> from <IP_ADDRESS>.");
        assertThat(r.replaced()).isEqualTo(4);
    }
}
