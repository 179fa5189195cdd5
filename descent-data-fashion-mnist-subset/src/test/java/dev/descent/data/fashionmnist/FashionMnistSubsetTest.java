package dev.descent.data.fashionmnist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FashionMnistSubsetTest {

    @Test
    void everyFileOpensAndTheIdxFilesAreGzipped() throws IOException {
        for (String f : FashionMnistSubset.FILES) {
            try (InputStream in = FashionMnistSubset.open(f)) {
                byte[] head = in.readNBytes(2);
                if (f.endsWith(".gz")) {
                    assertThat(head).as(f).containsExactly(0x1f, 0x8b);
                } else {
                    assertThat(head).as(f).hasSize(2);
                }
            }
        }
    }

    @Test
    void theNoticeCarriesTheMitLicence() throws IOException {
        try (InputStream in = FashionMnistSubset.open(FashionMnistSubset.NOTICE)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("The MIT License").contains("Zalando SE");
        }
    }

    @Test
    void otherNamesAreRefusedWithTheList() {
        assertThatThrownBy(() -> FashionMnistSubset.open("../../secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no file '../../secret'").hasMessageContaining(FashionMnistSubset.TRAIN_IMAGES);
    }
}
