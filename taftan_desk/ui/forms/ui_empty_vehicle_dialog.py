# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'empty_vehicle_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_EmptyVehicleDialog(object):
    def setupUi(self, EmptyVehicleDialog):
        if not EmptyVehicleDialog.objectName():
            EmptyVehicleDialog.setObjectName(u"EmptyVehicleDialog")
        EmptyVehicleDialog.resize(560, 240)
        self.main_layout = QVBoxLayout(EmptyVehicleDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(EmptyVehicleDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.mode_label = QLabel(EmptyVehicleDialog)
        self.mode_label.setObjectName(u"mode_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.mode_label)

        self.vehicle_layout = QHBoxLayout()
        self.vehicle_layout.setObjectName(u"vehicle_layout")
        self.mode_combo = QComboBox(EmptyVehicleDialog)
        self.mode_combo.addItem("")
        self.mode_combo.addItem("")
        self.mode_combo.setObjectName(u"mode_combo")

        self.vehicle_layout.addWidget(self.mode_combo)

        self.vehicle_edit = QLineEdit(EmptyVehicleDialog)
        self.vehicle_edit.setObjectName(u"vehicle_edit")
        self.vehicle_edit.setMaxLength(24)

        self.vehicle_layout.addWidget(self.vehicle_edit)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.vehicle_layout)

        self.remembered_label = QLabel(EmptyVehicleDialog)
        self.remembered_label.setObjectName(u"remembered_label")
        self.remembered_label.setWordWrap(True)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.remembered_label)


        self.main_layout.addLayout(self.form_layout)

        self.weighing_layout = QVBoxLayout()
        self.weighing_layout.setObjectName(u"weighing_layout")

        self.main_layout.addLayout(self.weighing_layout)

        self.error_label = QLabel(EmptyVehicleDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(EmptyVehicleDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.mode_label.setBuddy(self.mode_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.mode_combo, self.vehicle_edit)

        self.retranslateUi(EmptyVehicleDialog)

        QMetaObject.connectSlotsByName(EmptyVehicleDialog)
    # setupUi

    def retranslateUi(self, EmptyVehicleDialog):
        EmptyVehicleDialog.setWindowTitle(QCoreApplication.translate("EmptyVehicleDialog", u"Weigh an empty vehicle \u2014 Taftan Desk", None))
#if QT_CONFIG(accessibility)
        self.intro_label.setAccessibleName(QCoreApplication.translate("EmptyVehicleDialog", u"About this step", None))
#endif // QT_CONFIG(accessibility)
        self.intro_label.setText(QCoreApplication.translate("EmptyVehicleDialog", u"The truck (tractor and trailer) or wagon alone on the bridge: its weight is remembered as its tare, and taken off the reading at its next crossing.", None))
        self.mode_label.setText(QCoreApplication.translate("EmptyVehicleDialog", u"&Vehicle", None))
        self.mode_combo.setItemText(0, QCoreApplication.translate("EmptyVehicleDialog", u"Truck, by plate", None))
        self.mode_combo.setItemText(1, QCoreApplication.translate("EmptyVehicleDialog", u"Wagon, by number", None))

#if QT_CONFIG(accessibility)
        self.mode_combo.setAccessibleName(QCoreApplication.translate("EmptyVehicleDialog", u"Truck or rail wagon", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.vehicle_edit.setAccessibleName(QCoreApplication.translate("EmptyVehicleDialog", u"Truck plate or wagon number", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.remembered_label.setAccessibleName(QCoreApplication.translate("EmptyVehicleDialog", u"The tare remembered for this vehicle now", None))
#endif // QT_CONFIG(accessibility)
        self.remembered_label.setText("")
#if QT_CONFIG(accessibility)
        self.error_label.setAccessibleName(QCoreApplication.translate("EmptyVehicleDialog", u"Problem", None))
#endif // QT_CONFIG(accessibility)
        self.error_label.setText("")
    # retranslateUi

