package org.pdnavigator.bot.fake;

import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pdnavigator.bot.share.QrImages;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.send.SendPhoto;
import org.telegram.telegrambots.meta.api.objects.InputFile;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import java.io.ByteArrayInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Photo uploads through the real TelegramBots client: kept as sent, checked as Telegram checks them. */
class FakeBotApiUploadTest {

    private FakeBotApi api;
    private TelegramClient client;

    @BeforeEach
    void start() {
        api = FakeBotApi.start();
        client = new OkHttpTelegramClient(new OkHttpClient(), api.token(), api.telegramUrl());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void anUploadedPhotoIsKeptAsSentAndCanBeSentAgainByItsFileId() throws Exception {
        byte[] png = new QrImages().png("https://t.me/x_bot?start=en", 300);

        Message sent = client.execute(SendPhoto.builder().chatId(2001L)
            .photo(new InputFile(new ByteArrayInputStream(png), "qr.png")).caption("<b>QR</b>").parseMode("HTML").build());

        PhotoSize size = sent.getPhoto().get(sent.getPhoto().size() - 1);
        assertThat(size.getWidth()).isEqualTo(300);
        assertThat(size.getHeight()).isEqualTo(300);
        assertThat(api.uploadedFile(2001L, sent.getMessageId())).contains(png);
        assertThat(api.calls("sendPhoto").get(0).param("photo")).startsWith("attach://");

        Message again = client.execute(SendPhoto.builder().chatId(2002L).photo(new InputFile(size.getFileId())).build());
        assertThat(api.uploadedFile(2002L, again.getMessageId())).contains(png);
        assertThat(again.getPhoto().get(0).getFileId()).isEqualTo(size.getFileId());
    }

    @Test
    void refusesAnUploadThatIsNoImageAsTelegramDoes() {
        assertThatThrownBy(() -> client.execute(SendPhoto.builder().chatId(2003L)
            .photo(new InputFile(new ByteArrayInputStream("not an image".getBytes()), "x.png")).build()))
            .isInstanceOfSatisfying(TelegramApiRequestException.class,
                e -> assertThat(e.getApiResponse()).contains("IMAGE_PROCESS_FAILED"));
        assertThat(api.messages(2003L)).isEmpty();
    }
}
