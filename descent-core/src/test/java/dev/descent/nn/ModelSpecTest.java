package dev.descent.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Parsing model specs: the documented forms, round trips, and clear errors. */
class ModelSpecTest {

    private static List<String> layerNames(Model m) {
        return m.layers().stream().map(l -> l.getClass().getSimpleName()).toList();
    }

    @Test
    void mlpDefaultsToReluAndHe() {
        ModelSpec s = ModelSpec.parse("mlp:256,128", 784, 10);
        assertThat(s.hidden()).containsExactly(256, 128);
        assertThat(s.activation()).isEqualTo(Activation.RELU);
        assertThat(s.init()).isEqualTo(Init.HE);
        Model m = s.build(1);
        assertThat(layerNames(m)).containsExactly("Dense", "ReLU", "Dense", "ReLU", "Dense");
        assertThat(m.paramCount()).isEqualTo(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10);
        assertThat(m.inputSize()).isEqualTo(784);
        assertThat(m.outputSize()).isEqualTo(10);
    }

    @Test
    void softmaxIsOneDenseLayerWithZeroInit() {
        Model m = ModelSpec.parse("softmax", 5, 3).build(1);
        assertThat(layerNames(m)).containsExactly("Dense");
        assertThat(m.params()).containsOnly(0f);
        assertThat(SoftmaxHessian.appliesTo(m)).isTrue();
    }

    @Test
    void optionsInAnyOrder() {
        Model m = ModelSpec.parse("mlp:16:dropout=0.2:bn:tanh", 4, 2).build(1);
        assertThat(layerNames(m)).containsExactly("Dense", "BatchNorm1d", "Tanh", "Dropout", "Dense");
        assertThat(ModelSpec.parse("mlp:16:tanh", 4, 2).init()).isEqualTo(Init.XAVIER);
        assertThat(ModelSpec.parse("mlp:16:gelu:init=xavier:loss=mse", 4, 2).loss()).isEqualTo(Loss.mse());
    }

    @Test
    void parameterRangesTileTheBuffer() {
        Model m = ModelSpec.parse("mlp:5,4:bn", 3, 2).build(1);
        int next = 0;
        for (ParamRange r : m.parameterRanges()) {
            assertThat(r.from()).isEqualTo(next);
            next = r.to();
        }
        assertThat(next).isEqualTo(m.paramCount());
        assertThat(m.parameterRanges()).extracting(ParamRange::kind).containsExactly(
                ParamRange.Kind.WEIGHT, ParamRange.Kind.BIAS, ParamRange.Kind.NORM_SCALE, ParamRange.Kind.NORM_SHIFT,
                ParamRange.Kind.WEIGHT, ParamRange.Kind.BIAS, ParamRange.Kind.NORM_SCALE, ParamRange.Kind.NORM_SHIFT,
                ParamRange.Kind.WEIGHT, ParamRange.Kind.BIAS);
    }

    @Test
    void errorsNameTheWrongPart() {
        assertThatThrownBy(() -> ModelSpec.parse("cnn:3", 4, 2)).hasMessageContaining("unknown model 'cnn'");
        assertThatThrownBy(() -> ModelSpec.parse("mlp", 4, 2)).hasMessageContaining("needs hidden sizes");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:256,x", 4, 2)).hasMessageContaining("'x'");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:0", 4, 2)).hasMessageContaining("hidden size 0");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:8:swish", 4, 2)).hasMessageContaining("unknown option 'swish'");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:8:dropout=1.5", 4, 2)).hasMessageContaining("dropout 1.5");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:8:dropout=abc", 4, 2)).hasMessageContaining("'abc'");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:8:tanh:relu", 4, 2)).hasMessageContaining("twice");
        assertThatThrownBy(() -> ModelSpec.parse("softmax:bn", 4, 2)).hasMessageContaining("needs hidden layers");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:8:init=lecun", 4, 2)).hasMessageContaining("lecun");
        assertThatThrownBy(() -> ModelSpec.parse("", 4, 2)).hasMessageContaining("empty");
        assertThatThrownBy(() -> ModelSpec.parse("softmax", 0, 2)).hasMessageContaining("inputSize");
        // the format every spec shares: the fragment, its column, the spec
        assertThatThrownBy(() -> ModelSpec.parse("mlp:64,32:tanh:swish", 4, 2))
                .hasMessageStartingWith("'swish' at column 16 of model spec 'mlp:64,32:tanh:swish': unknown option 'swish'");
        assertThatThrownBy(() -> ModelSpec.parse("mlp:64,x2", 4, 2))
                .hasMessageStartingWith("'x2' at column 8 of model spec 'mlp:64,x2': hidden size 'x2' is not a positive integer");
        String huge = "mlp:" + "8,".repeat(5000) + "y";
        assertThatThrownBy(() -> ModelSpec.parse(huge, 4, 2))
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(300))
                .hasMessageContaining("(10005 characters)");
    }

    @Test
    void namesOptionsAndWordsIgnoreCase() {
        assertThat(ModelSpec.parse("MLP:16:TANH:BN:Dropout=0.5:Init=HE:Loss=MSE", 4, 2))
                .isEqualTo(ModelSpec.parse("mlp:16:tanh:bn:dropout=0.5:init=he:loss=mse", 4, 2));
        assertThat(ModelSpec.parse("Softmax", 4, 2)).isEqualTo(ModelSpec.parse("softmax", 4, 2));
    }

    @Test
    void toStringRoundTrips() {
        for (String s : new String[] {"softmax", "mlp:256,128", "mlp:3:tanh:bn:dropout=0.25", "softmax:loss=bce"}) {
            ModelSpec a = ModelSpec.parse(s, 7, 3);
            assertThat(ModelSpec.parse(a.toString(), 7, 3)).isEqualTo(a);
        }
    }

    @Property(tries = 300)
    void neverCrashesOnArbitraryText(@ForAll String text) {
        try {
            ModelSpec s = ModelSpec.parse(text, 3, 2);
            assertThat(s.hidden().size() + 1).isPositive();
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }
}
